package ru.sipring.testkit.cdr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CDR row as Asterisk writes it for one leg of a call, in FreePBX's {@code cdr} layout. Columns the fake has
 * nothing to say about ({@code accountcode}, {@code userfield}, {@code did}, {@code cnum}, ...) are written as
 * FreePBX's defaults ({@code ""}, {@code amaflags} 3 = DOCUMENTATION). Immutable.
 *
 * @param calldate the call's start in the PBX's local wall-clock time, whole seconds (as {@code cdr_mysql} writes)
 * @param clid the caller id, {@code "name" <number>}
 * @param src the caller's number
 * @param dst the number dialled
 * @param dcontext the dialplan context
 * @param channel the channel
 * @param dstchannel the channel dialled
 * @param lastapp the last application ({@code Dial})
 * @param lastdata its arguments
 * @param duration seconds from start to hang-up
 * @param billsec seconds from answer to hang-up; 0 unless answered
 * @param disposition {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED} or {@code CONGESTION}
 * @param uniqueid the channel's uniqueid (what the originate reported)
 * @param linkedid the call's linkedid (the first channel's uniqueid)
 * @param recordingfile the MixMonitor file name, {@code ""} when not recorded
 */
public record CdrRow(LocalDateTime calldate, String clid, String src, String dst, String dcontext, String channel,
    String dstchannel, String lastapp, String lastdata, long duration, long billsec, String disposition,
    String uniqueid, String linkedid, String recordingfile) {

  /** FreePBX 16/17's {@code cdr} columns, in table order. */
  public static final List<String> COLUMNS = List.of("calldate", "clid", "src", "dst", "dcontext", "channel",
      "dstchannel", "lastapp", "lastdata", "duration", "billsec", "disposition", "amaflags", "accountcode",
      "uniqueid", "userfield", "did", "recordingfile", "cnum", "cnam", "outbound_cnum", "outbound_cnam",
      "dst_cnam", "linkedid", "peeraccount", "sequence");

  /**
   * Checks the row.
   *
   * @param calldate the call's start, local wall-clock time
   * @param clid the caller id
   * @param src the caller's number
   * @param dst the number dialled
   * @param dcontext the dialplan context
   * @param channel the channel
   * @param dstchannel the channel dialled
   * @param lastapp the last application
   * @param lastdata its arguments
   * @param duration seconds from start to hang-up
   * @param billsec seconds from answer to hang-up
   * @param disposition the disposition
   * @param uniqueid the channel's uniqueid
   * @param linkedid the call's linkedid
   * @param recordingfile the recording's file name or {@code ""}
   * @throws IllegalArgumentException when a time is negative or billsec exceeds duration
   */
  public CdrRow {
    Objects.requireNonNull(calldate, "calldate");
    for (String s : new String[] {clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, disposition,
        uniqueid, linkedid, recordingfile}) {
      Objects.requireNonNull(s, "text columns are never null (use \"\")");
    }
    if (duration < 0 || billsec < 0 || billsec > duration) {
      throw new IllegalArgumentException("0 <= billsec <= duration required, were " + billsec + " and " + duration);
    }
    calldate = calldate.withNano(0);
  }

  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /**
   * The row of the client's leg of an originated call, as both fakes write it: the number is the one of the
   * {@code Local/<number>@<context>} (or {@code <tech>/<number>}) channel dialled, the caller the CallerID's number
   * (else the extension the call went on to), {@code uniqueid} and {@code linkedid} the uniqueid the originate
   * reported, and with {@code record} an answered call names the MixMonitor file FreePBX writes,
   * {@code out-<dst>-<src>-<yyyyMMdd>-<HHmmss>-<uniqueid>.wav}.
   *
   * @param channel the originate's channel
   * @param context the dialplan context
   * @param extension the extension the answered call went on to (may be empty)
   * @param callerId the originate's CallerID (may be empty)
   * @param start when the originate started
   * @param pbxZone the zone the PBX writes {@code calldate} in
   * @param uniqueId the channel's uniqueid
   * @param duration seconds from start to hang-up
   * @param billsec seconds from answer to hang-up
   * @param disposition the disposition
   * @param record whether an answered call was recorded
   * @return the row
   */
  public static CdrRow ofOriginate(String channel, String context, String extension, String callerId, Instant start,
      ZoneId pbxZone, String uniqueId, long duration, long billsec, String disposition, boolean record) {
    int slash = channel.indexOf('/');
    int at = channel.indexOf('@');
    String dst = slash >= 0 ? channel.substring(slash + 1, at > slash ? at : channel.length()) : channel;
    int lt = callerId.lastIndexOf('<');
    String src = (lt >= 0 ? callerId.substring(lt + 1) : callerId).replaceAll("[^0-9+]", "");
    if (src.isEmpty()) {
      src = extension;
    }
    LocalDateTime calldate = LocalDateTime.ofInstant(start, pbxZone).withNano(0);
    String file = record && "ANSWERED".equals(disposition)
        ? "out-" + dst + "-" + src + "-" + FILE_TIME.format(calldate) + "-" + uniqueId + ".wav" : "";
    String seq = String.format("%08x", uniqueId.hashCode());
    return new CdrRow(calldate, callerId.isEmpty() ? "\"\" <" + src + ">" : callerId, src, dst, context,
        channel + "-" + seq + ";2", "PJSIP/trunk-" + seq, "Dial", "PJSIP/" + dst + "@trunk", duration, billsec,
        disposition, uniqueId, uniqueId, file);
  }

  /**
   * The row as FreePBX's columns and their values, in {@link #COLUMNS} order.
   *
   * @return column name to value ({@code calldate} a {@link LocalDateTime}, numbers as {@link Long} or
   *     {@link Integer}, the rest strings)
   */
  public Map<String, Object> columns() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calldate", calldate);
    m.put("clid", clid);
    m.put("src", src);
    m.put("dst", dst);
    m.put("dcontext", dcontext);
    m.put("channel", channel);
    m.put("dstchannel", dstchannel);
    m.put("lastapp", lastapp);
    m.put("lastdata", lastdata);
    m.put("duration", duration);
    m.put("billsec", billsec);
    m.put("disposition", disposition);
    m.put("amaflags", 3);
    m.put("accountcode", "");
    m.put("uniqueid", uniqueid);
    m.put("userfield", "");
    m.put("did", "");
    m.put("recordingfile", recordingfile);
    m.put("cnum", src);
    m.put("cnam", "");
    m.put("outbound_cnum", "");
    m.put("outbound_cnam", "");
    m.put("dst_cnam", "");
    m.put("linkedid", linkedid);
    m.put("peeraccount", "");
    m.put("sequence", 1);
    return m;
  }
}
