package ru.sipring.fax;

import ru.sipring.core.SipRingException;

/** Parses lines listed with {@link HylaFaxClient#JOB_FORMAT} and {@link HylaFaxClient#RECV_FORMAT}. */
final class HfaxdFormats {
  private HfaxdFormats() {}

  static FaxJob parseJob(String line) {
    String[] f = line.split("\\|", 14);
    if (f.length < 14) {
      throw new SipRingException("hfaxd job line has " + f.length + " fields, expected 14: '" + line + "'");
    }
    int[] pages = pair(f[5]);
    int[] dials = pair(f[6]);
    int[] tries = pair(f[7]);
    return new FaxJob(f[0].trim(), f[1].trim(), f[2].trim(), f[4].trim(), FaxJobState.ofLetter(f[3].trim()),
        pages[0], pages[1], dials[0], dials[1], tries[0], tries[1], f[8].trim(), HylaFaxClient.epoch(f[9]),
        f[10].trim(), f[11].trim(), f[12].trim(), f[13].trim());
  }

  static ReceivedFax parseReceived(String line) {
    String[] f = line.split("\\|", 14);
    if (f.length < 14) {
      throw new SipRingException("hfaxd recvq line has " + f.length + " fields, expected 14: '" + line + "'");
    }
    return new ReceivedFax(f[0].trim(), HylaFaxClient.epoch(f[1]), f[2].trim(), intOf(f[3]),
        f[4].trim().equals("*"), f[5].trim(), intOf(f[6]), intOf(f[7]), f[8].trim(), longOf(f[9]),
        f[10].trim(), f[11].trim(), f[12].trim(), f[13].trim());
  }

  /** " 1:3 " -> {1, 3}. */
  static int[] pair(String s) {
    String t = s.trim();
    int colon = t.indexOf(':');
    if (colon < 0) {
      return new int[] {intOf(t), 0};
    }
    return new int[] {intOf(t.substring(0, colon)), intOf(t.substring(colon + 1))};
  }

  static int intOf(String s) {
    String t = s.trim();
    if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    return Integer.parseInt(t);
  }

  static long longOf(String s) {
    String t = s.trim();
    if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
      return 0;
    }
    return Long.parseLong(t);
  }
}
