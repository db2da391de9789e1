package ru.sipring.spring;

import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbound call centre ({@code sipring.campaign.*}) and the CDR reconciliation that fills dialled calls'
 * talk time and recording ({@code sipring.campaign.cdr.*}). Immutable and thread-safe.
 *
 * @param clickToCall how the operator's click-to-call originates through the PBX
 * @param cdr where the PBX's CDR rows are read from, and how often
 * @param hungAfter a work session open longer than this without a pause or a stop is offered for closing as hung
 * @param dialerPeriod the time between two pacing steps of a running dialer ({@code DialerControl})
 */
@ConfigurationProperties("sipring.campaign")
public record CampaignProperties(@DefaultValue ClickToCall clickToCall, @DefaultValue Cdr cdr,
    @DefaultValue("12h") Duration hungAfter, @DefaultValue("1s") Duration dialerPeriod) {

  /**
   * Click-to-call from the operator's work form: the client is dialled first, then the call goes on to the
   * operator's extension in {@code context}.
   *
   * @param context the dialplan context of operators' extensions (FreePBX: {@code from-internal})
   * @param callerId the CallerID the client sees (empty: the trunk's)
   * @param ringTimeout how long the client's phone rings before the call counts as not answered (5 s to 5 min)
   * @param channelTemplate the channel the client is dialled on, with {@code {number}}; default
   *     {@code Local/{number}@<context>}
   */
  public record ClickToCall(@DefaultValue("from-internal") String context, @DefaultValue("") String callerId,
      @DefaultValue("30s") Duration ringTimeout, @Nullable String channelTemplate) {}

  /**
   * The CDR reconciliation: dialled calls are matched to the PBX's CDR rows (by uniqueid, else by number and time)
   * and get their billsec, disposition and recording. It runs only when {@code table} is set.
   *
   * @param table the CDR table of the DataSource (FreePBX: {@code cdr} of asteriskcdrdb, reachable from the
   *     DataSource's connection as {@code asteriskcdrdb.cdr})
   * @param zone the zone the PBX writes {@code calldate} in; default: {@code sipring.zone}
   * @param period how often the reconciliation reads new CDR rows
   * @param tolerance how far apart an attempt's start and a CDR row's calldate may be for a match by number
   * @param lookback how far before the last read each poll reads again (at least the longest call)
   * @param catchUp how far back the first poll after start reads (calls made while the application was down)
   */
  public record Cdr(@Nullable String table, @Nullable ZoneId zone, @DefaultValue("30s") Duration period,
      @DefaultValue("60s") Duration tolerance, @DefaultValue("2h") Duration lookback,
      @DefaultValue("1d") Duration catchUp) {}
}
