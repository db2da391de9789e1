#!/usr/bin/env bash
# A real two-node pacemaker/corosync cluster in two network namespaces (pcmk1, pcmk2) joined by a veth pair
# 10.200.77.1 <-> 10.200.77.2, each node in its own mount + UTS namespace (research fax-ha.md §4.2).
# Needs root, `ip netns`, `unshare -m`, mount. Used by TwoNodeClusterTest; safe to run by hand.
#   pcmk-netns.sh check            exit 0 when this machine allows it
#   pcmk-netns.sh start            start both nodes, configure resources, wait until settled
#   pcmk-netns.sh stop             stop both nodes, remove the namespaces
#   pcmk-netns.sh on N CMD...      run CMD on node N (its network + mount + UTS namespaces)
#   pcmk-netns.sh cut | heal       take the cluster link down / up (split brain with fencing off)
#   pcmk-netns.sh crash N          kill -9 node N's corosync and pacemaker (a node failure)
#   pcmk-netns.sh boot N           start node N again after a crash
set -euo pipefail
STATE="${SIPRING_CI_STATE:-/tmp/sipring-ci}/pcmk-netns"
SELF="$(readlink -f "$0")"

pid_of() { cat "$STATE/node$1/corosync.pid" 2>/dev/null || true; }

on() {
  local n="$1"; shift
  local pid; pid="$(pid_of "$n")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || { echo "node$n is not running" >&2; return 1; }
  nsenter -t "$pid" -m -n -u -- "$@"
}

check() {
  [ "$(id -u)" = 0 ] || { echo "not root"; return 1; }
  for t in ip unshare nsenter corosync pacemakerd crm_mon cibadmin; do
    command -v "$t" >/dev/null || { echo "missing $t"; return 1; }
  done
  local probe="sipring-probe-$$"
  ip netns add "$probe" 2>/dev/null || { echo "ip netns not permitted"; return 1; }
  local ok=0
  ip netns exec "$probe" unshare --mount --propagation private sh -c 'mount -t tmpfs tmpfs /mnt' 2>/dev/null || ok=1
  ip netns del "$probe"
  [ "$ok" = 0 ] || { echo "unshare -m / mount not permitted"; return 1; }
}

corosync_conf() {
  cat <<'CONF'
totem {
  version: 2
  cluster_name: sipring2
  transport: knet
  crypto_cipher: none
  crypto_hash: none
  token: 3000
}
nodelist {
  node {
    name: node1
    nodeid: 1
    ring0_addr: 10.200.77.1
  }
  node {
    name: node2
    nodeid: 2
    ring0_addr: 10.200.77.2
  }
}
quorum {
  provider: corosync_votequorum
  two_node: 1
}
logging {
  to_logfile: yes
  logfile: /var/log/corosync/corosync.log
  to_syslog: no
  to_stderr: no
  timestamp: on
}
CONF
}

# runs inside the node's fresh namespaces
node_init() {
  local n="$1" d="$STATE/node$1"
  hostname "node$n"
  for x in etc-corosync lib-pacemaker/cib lib-pacemaker/pengine lib-pacemaker/blackbox lib-pacemaker/cores \
      lib-corosync log-pacemaker log-corosync; do mkdir -p "$d/$x"; done
  corosync_conf >"$d/etc-corosync/corosync.conf"
  chown -R hacluster:haclient "$d/lib-pacemaker" "$d/log-pacemaker"
  chmod 0770 "$d/log-pacemaker"
  mount --bind "$d/etc-corosync" /etc/corosync
  mount --bind "$d/lib-pacemaker" /var/lib/pacemaker
  mount --bind "$d/lib-corosync" /var/lib/corosync
  mount --bind "$d/log-pacemaker" /var/log/pacemaker
  mount --bind "$d/log-corosync" /var/log/corosync
  # own /run: Dummy and IPaddr2 keep their state files there
  mount -t tmpfs tmpfs /run
  mkdir -p /run/resource-agents /run/crm
  corosync -f >"$d/corosync.out" 2>&1 </dev/null &
  echo $! >"$d/corosync.pid"
  for _ in $(seq 1 50); do corosync-cfgtool -s >/dev/null 2>&1 && break; sleep 0.2; done
  /usr/sbin/pacemakerd >"$d/pacemakerd.out" 2>&1 </dev/null &
  echo $! >"$d/pacemakerd.pid"
}

boot() {
  local n="$1"
  rm -f "$STATE/node$n/corosync.pid" "$STATE/node$n/pacemakerd.pid"
  ip netns exec "pcmk$n" unshare --mount --uts --propagation private setsid "$SELF" node-init "$n" </dev/null
  for _ in $(seq 1 50); do [ -n "$(pid_of "$n")" ] && break; sleep 0.1; done
}

dc_of() { on "$1" crm_mon -1 --output-as=xml 2>/dev/null | sed -n 's/.*<current_dc present="true"[^>]* name="\([^"]*\)".*/\1/p'; }

configure() {
  on 1 crm_attribute --type crm_config --name stonith-enabled --update false
  on 1 crm_attribute --type rsc_defaults --name resource-stickiness --update 100
  on 1 cibadmin --create -o resources --xml-text '
<clone id="drbd_data-clone">
  <meta_attributes id="drbd_data-clone-meta">
    <nvpair id="drbd_data-clone-promotable" name="promotable" value="true"/>
    <nvpair id="drbd_data-clone-promoted-max" name="promoted-max" value="1"/>
  </meta_attributes>
  <primitive id="drbd_data" class="ocf" provider="pacemaker" type="Stateful">
    <operations>
      <op id="drbd_data-mon-p" name="monitor" interval="5s" role="Promoted"/>
      <op id="drbd_data-mon-u" name="monitor" interval="6s" role="Unpromoted"/>
    </operations>
  </primitive>
</clone>'
  on 1 cibadmin --create -o resources --xml-text '
<group id="pbx">
  <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
    <instance_attributes id="vip-ia">
      <nvpair id="vip-ip" name="ip" value="10.200.77.100"/>
      <nvpair id="vip-mask" name="cidr_netmask" value="24"/>
      <nvpair id="vip-nic" name="nic" value="eth0"/>
    </instance_attributes>
    <operations><op id="vip-mon" name="monitor" interval="5s"/></operations>
  </primitive>
  <primitive id="mariadb" class="ocf" provider="pacemaker" type="Dummy">
    <operations><op id="mariadb-mon" name="monitor" interval="5s"/></operations>
  </primitive>
  <primitive id="asterisk" class="ocf" provider="pacemaker" type="Dummy">
    <meta_attributes id="asterisk-meta"><nvpair id="asterisk-mt" name="migration-threshold" value="1"/></meta_attributes>
    <operations><op id="asterisk-mon" name="monitor" interval="5s"/></operations>
  </primitive>
  <primitive id="freepbx" class="ocf" provider="pacemaker" type="Dummy">
    <operations><op id="freepbx-mon" name="monitor" interval="5s"/></operations>
  </primitive>
</group>'
  on 1 cibadmin --create -o constraints --xml-text \
    '<rsc_colocation id="pbx-with-drbd" rsc="pbx" with-rsc="drbd_data-clone" with-rsc-role="Promoted" score="INFINITY"/>'
  on 1 cibadmin --create -o constraints --xml-text \
    '<rsc_order id="drbd-before-pbx" first="drbd_data-clone" first-action="promote" then="pbx" then-action="start"/>'
}

start() {
  check >/dev/null
  if [ -n "$(pid_of 1)" ] && kill -0 "$(pid_of 1)" 2>/dev/null; then
    echo "already running"; return 0
  fi
  stop >/dev/null 2>&1 || true
  mkdir -p "$STATE"
  ip netns add pcmk1
  ip netns add pcmk2
  ip link add eth0 netns pcmk1 type veth peer name eth0 netns pcmk2
  ip -n pcmk1 addr add 10.200.77.1/24 dev eth0
  ip -n pcmk2 addr add 10.200.77.2/24 dev eth0
  for n in 1 2; do ip -n "pcmk$n" link set lo up; ip -n "pcmk$n" link set eth0 up; done
  boot 1
  boot 2
  for _ in $(seq 1 90); do [ -n "$(dc_of 1)" ] && [ "$(dc_of 1)" = "$(dc_of 2)" ] && break; sleep 1; done
  [ -n "$(dc_of 1)" ] || { echo "no DC after 90 s" >&2; tail -20 "$STATE"/node1/*.out >&2; return 1; }
  configure
  on 1 crm_resource --wait --timeout=60s
}

stop() {
  for n in 1 2; do
    local p; p="$(cat "$STATE/node$n/pacemakerd.pid" 2>/dev/null || true)"
    [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true
  done
  for _ in $(seq 1 30); do
    local alive=0
    for n in 1 2; do p="$(cat "$STATE/node$n/pacemakerd.pid" 2>/dev/null || true)"; [ -n "$p" ] && kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.5
  done
  for n in 1 2; do
    p="$(pid_of "$n")"; [ -n "$p" ] && kill -TERM "$p" 2>/dev/null || true
  done
  sleep 1
  for n in 1 2; do
    for f in pacemakerd corosync; do p="$(cat "$STATE/node$n/$f.pid" 2>/dev/null || true)"; [ -n "$p" ] && kill -KILL "$p" 2>/dev/null || true; done
  done
  ip netns del pcmk1 2>/dev/null || true
  ip netns del pcmk2 2>/dev/null || true
  rm -rf "$STATE"
}

crash() {
  local n="$1" p
  # pacemakerd's children first: a crashed node loses all of them at once
  p="$(cat "$STATE/node$n/pacemakerd.pid")"
  for c in $(pgrep -P "$p" || true); do kill -KILL "$c" 2>/dev/null || true; done
  kill -KILL "$p" "$(pid_of "$n")" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$p" 2>/dev/null || kill -0 "$(pid_of "$n")" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "node$n still running after kill -9 (pacemakerd $p, corosync $(pid_of "$n"))" >&2
  return 1
}

case "${1:-}" in
  check) check ;;
  start) start ;;
  stop) stop ;;
  on) shift; on "$@" ;;
  cut) ip -n pcmk1 link set eth0 down ;;
  heal) ip -n pcmk1 link set eth0 up ;;
  crash) crash "$2" ;;
  boot) boot "$2" ;;
  node-init) node_init "$2" ;;
  *) echo "usage: $0 check|start|stop|on N CMD...|cut|heal|crash N|boot N" >&2; exit 2 ;;
esac
