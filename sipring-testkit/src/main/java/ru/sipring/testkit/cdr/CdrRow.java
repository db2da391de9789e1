package ru.sipring.testkit.cdr;

import java.time.LocalDateTime;
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
