package ru.sipring.cdr;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One row of Asterisk's {@code cdr} table as FreePBX 13–17 creates it. Columns that an older schema lacks
 * (Elastix/FreePBX 2.x has no {@code did}, {@code recordingfile}, {@code linkedid}...) read as "" or 0, the
 * defaults FreePBX itself uses. Immutable.
 *
 * @param calldate the call's start as the PBX wrote it: its local wall-clock time (see {@link #calldateIn})
 * @param duration from start to hang-up
 * @param billsec from answer to hang-up (zero when not answered)
 * @param disposition {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED}, {@code CONGESTION}
 */
public record CdrRecord(LocalDateTime calldate, String clid, String src, String dst, String dcontext,
    String channel, String dstchannel, String lastapp, String lastdata, Duration duration, Duration billsec,
    String disposition, int amaflags, String accountcode, String uniqueid, String userfield, String did,
    String recordingfile, String cnum, String cnam, String outboundCnum, String outboundCnam, String dstCnam,
    String linkedid, String peeraccount, int sequence) {

  /** The FreePBX 17 column names, in table order; the names of the JSON keys and CSV headers of the CLI. */
  public static final List<String> COLUMNS = List.of("calldate", "clid", "src", "dst", "dcontext", "channel",
      "dstchannel", "lastapp", "lastdata", "duration", "billsec", "disposition", "amaflags", "accountcode",
      "uniqueid", "userfield", "did", "recordingfile", "cnum", "cnam", "outbound_cnum", "outbound_cnam",
      "dst_cnam", "linkedid", "peeraccount", "sequence");

  /**
   * Checks and copies the components.
   *
   * @param calldate the call's start as the PBX wrote it: its local wall-clock time (see {@link #calldateIn})
   * @param clid the CDR column {@code clid}
   * @param src the CDR column {@code src}
   * @param dst the CDR column {@code dst}
   * @param dcontext the CDR column {@code dcontext}
   * @param channel the CDR column {@code channel}
   * @param dstchannel the CDR column {@code dstchannel}
   * @param lastapp the CDR column {@code lastapp}
   * @param lastdata the CDR column {@code lastdata}
   * @param duration from start to hang-up
   * @param billsec from answer to hang-up (zero when not answered)
   * @param disposition {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED}, {@code CONGESTION}
   * @param amaflags the CDR column {@code amaflags}
   * @param accountcode the CDR column {@code accountcode}
   * @param uniqueid the CDR column {@code uniqueid}
   * @param userfield the CDR column {@code userfield}
   * @param did the CDR column {@code did}
   * @param recordingfile the CDR column {@code recordingfile}
   * @param cnum the CDR column {@code cnum}
   * @param cnam the CDR column {@code cnam}
   * @param outboundCnum the CDR column {@code outbound_cnum}
   * @param outboundCnam the CDR column {@code outbound_cnam}
   * @param dstCnam the CDR column {@code dst_cnam}
   * @param linkedid the CDR column {@code linkedid}
   * @param peeraccount the CDR column {@code peeraccount}
   * @param sequence the CDR column {@code sequence}
   */

  public CdrRecord {
    Objects.requireNonNull(calldate, "calldate");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(billsec, "billsec");
    for (String s : new String[] {clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, disposition,
        accountcode, uniqueid, userfield, did, recordingfile, cnum, cnam, outboundCnum, outboundCnam, dstCnam,
        linkedid, peeraccount}) {
      Objects.requireNonNull(s, "text columns are never null (use \"\")");
    }
  }

  /**
   * The start instant, reading {@link #calldate} in the PBX's zone.
   *
   * @param pbxZone the zone the PBX writes calldate in
   * @return the instant the call started
   */
  public Instant calldateIn(ZoneId pbxZone) {
    return calldate.atZone(pbxZone).toInstant();
  }

  /**
   * The value of a column by its {@link #COLUMNS} name.
   *
   * @param name a column name
   * @return a String, an Integer (seconds for durations) or a LocalDateTime
   * @throws IllegalArgumentException for a name not in {@link #COLUMNS}
   */
  public Object column(String name) {
    return switch (name) {
      case "calldate" -> calldate;
      case "clid" -> clid;
      case "src" -> src;
      case "dst" -> dst;
      case "dcontext" -> dcontext;
      case "channel" -> channel;
      case "dstchannel" -> dstchannel;
      case "lastapp" -> lastapp;
      case "lastdata" -> lastdata;
      case "duration" -> duration.toSeconds();
      case "billsec" -> billsec.toSeconds();
      case "disposition" -> disposition;
      case "amaflags" -> amaflags;
      case "accountcode" -> accountcode;
      case "uniqueid" -> uniqueid;
      case "userfield" -> userfield;
      case "did" -> did;
      case "recordingfile" -> recordingfile;
      case "cnum" -> cnum;
      case "cnam" -> cnam;
      case "outbound_cnum" -> outboundCnum;
      case "outbound_cnam" -> outboundCnam;
      case "dst_cnam" -> dstCnam;
      case "linkedid" -> linkedid;
      case "peeraccount" -> peeraccount;
      case "sequence" -> sequence;
      default -> throw new IllegalArgumentException("not a cdr column: " + name);
    };
  }
}
