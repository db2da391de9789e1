#!/usr/bin/env python3
"""Writes guide-section7.queue_log: a queue_log consistent with the admin guide's section 7 example.

The calls are the guide's own rows: the 8 calls of the unnamed operator come from the printout (section
"Оператор / Время / Завершил ..."), the 3 of Иванов ВА and 7 of Петрова ЛВ from the screen's detail list, the
6 lost calls from the screen's lost list. Times are Europe/Moscow (UTC+3 in May 2020). See docs/inbound.md.
Run: python3 make-guide-section7.py > guide-section7.queue_log
"""
from datetime import datetime, timezone, timedelta

MSK = timezone(timedelta(hours=3))
UNKNOWN, IVANOV, PETROVA = "Local/501@from-queue/n", "SIP/500", "SIP/501"
answered = [  # day, time, agent, caller, wait, talk, ended (C=caller, A=agent)
    ("14.05", "15:18:57", UNKNOWN, "500", 6, 21, "C"), ("14.05", "09:17:30", UNKNOWN, "500", 6, 8, "C"),
    ("14.05", "09:17:10", UNKNOWN, "500", 6, 12, "A"), ("13.05", "13:14:45", UNKNOWN, "500", 6, 12, "C"),
    ("13.05", "13:14:11", UNKNOWN, "500", 13, 11, "C"), ("13.05", "10:21:58", UNKNOWN, "500", 5, 4, "A"),
    ("13.05", "10:21:40", UNKNOWN, "500", 6, 8, "C"), ("12.05", "14:35:13", UNKNOWN, "500", 13, 15, "A"),
    ("14.05", "15:12:20", IVANOV, "501", 5, 21, "A"), ("14.05", "13:41:09", IVANOV, "501", 5, 40, "A"),
    ("14.05", "13:00:36", IVANOV, "501", 40, 47, "C"),
    ("14.05", "15:04:57", PETROVA, "500", 6, 42, "C"), ("14.05", "15:03:53", PETROVA, "500", 15, 1, "C"),
    ("14.05", "13:55:03", PETROVA, "500", 16, 15, "C"), ("14.05", "13:33:00", PETROVA, "500", 6, 35, "C"),
    ("14.05", "12:48:50", PETROVA, "500", 12, 25, "C"), ("14.05", "11:09:42", PETROVA, "500", 32, 74, "C"),
    ("14.05", "09:35:20", PETROVA, "500", 6, 7, "C"),
]
lost = [("14.05", "16:52:30", 11), ("14.05", "13:05:31", 13), ("14.05", "12:48:01", 15), ("14.05", "09:15:42", 11),
        ("13.05", "13:12:40", 15), ("13.05", "12:25:17", 15)]


def epoch(day, time):
    d, m = day.split(".")
    return int(datetime.strptime(f"2020-{m}-{d} {time}", "%Y-%m-%d %H:%M:%S").replace(tzinfo=MSK).timestamp())


lines = []
seq = [100]


def callid(t):
    seq[0] += 1
    return f"{t}.{seq[0]}"


lines.append((epoch("12.05", "08:00:00"), "NONE|NONE|NONE|QUEUESTART|"))
for day in ("12.05", "13.05", "14.05"):
    for agent in (IVANOV, PETROVA):
        lines.append((epoch(day, "09:00:00"), f"MANAGER|6000|{agent}|ADDMEMBER|"))
        lines.append((epoch(day, "18:00:00"), f"MANAGER|6000|{agent}|REMOVEMEMBER|"))
lines.append((epoch("14.05", "12:00:00"), f"NONE|NONE|{PETROVA}|PAUSEALL|Обед"))
lines.append((epoch("14.05", "12:00:00"), f"NONE|6000|{PETROVA}|PAUSE|Обед"))
lines.append((epoch("14.05", "12:30:00"), f"NONE|NONE|{PETROVA}|UNPAUSEALL|"))
lines.append((epoch("14.05", "12:30:00"), f"NONE|6000|{PETROVA}|UNPAUSE|"))
for day, time, agent, caller, wait, talk, ended in answered:
    t = epoch(day, time)
    c = callid(t)
    lines.append((t, f"{c}|6000|NONE|DID|74950000000"))
    lines.append((t, f"{c}|6000|NONE|ENTERQUEUE||{caller}|1"))
    if wait > 10:  # the first offer went unanswered
        other = IVANOV if agent == PETROVA else PETROVA
        lines.append((t + 10, f"{c}|6000|{other}|RINGNOANSWER|10000"))
    lines.append((t + wait, f"{c}|6000|{agent}|CONNECT|{wait}|{t + wait}.{seq[0]}9|2"))
    event = "COMPLETECALLER" if ended == "C" else "COMPLETEAGENT"
    lines.append((t + wait + talk, f"{c}|6000|{agent}|{event}|{wait}|{talk}|1"))
for day, time, wait in lost:
    t = epoch(day, time)
    c = callid(t)
    lines.append((t, f"{c}|6000|NONE|ENTERQUEUE||500|1"))
    lines.append((t + wait, f"{c}|6000|NONE|ABANDON|1|1|{wait}"))
lines.sort(key=lambda x: x[0])  # stable: same-second lines keep their order
for t, rest in lines:
    print(f"{t}|{rest}")
