# sipring-ha: a real one-node pacemaker/corosync cluster on loopback, started by hand (no systemd).
# Sourced by .ci/run (bash, set -euo pipefail). Idempotent: a running, configured cluster is left alone.
# Resources: group pbx = IPaddr2 127.0.0.99/32 on lo + Dummy mariadb/asterisk/freepbx (stand-ins),
# promotable Stateful clone drbd_data-clone (DRBD stand-in, clone-max=1 on one node), pbx colocated with
# the promoted instance and started after the promotion. Research: shared/research/fax-ha.md §4.1.
# Exports SIPRING_TEST_PACEMAKER=1, SIPRING_HA_NODE, SIPRING_HA_VIP, SIPRING_HA_NETNS_SCRIPT.
sipring_pcmk_state="${SIPRING_CI_STATE:-/tmp/sipring-ci}/pacemaker"
mkdir -p "$sipring_pcmk_state" /var/log/corosync /var/log/pacemaker
chown hacluster:haclient /var/log/pacemaker 2>/dev/null || true

# no `cmd | grep -q` here: under pipefail grep's early exit can fail the pipeline (EPIPE in crm_mon)
sipring_pcmk_dc() { local x; x="$(crm_mon -1 --output-as=xml 2>/dev/null || true)"; [[ "$x" == *'<current_dc present="true"'* ]]; }

if ! crm_mon -1 >/dev/null 2>&1; then
  echo "ci: pacemaker: starting corosync + pacemakerd (one node on 127.0.0.1)"
  if ! corosync-cfgtool -s >/dev/null 2>&1; then
    setsid corosync -f >"$sipring_pcmk_state/corosync.out" 2>&1 < /dev/null &
    echo $! >"$sipring_pcmk_state/corosync.pid"
    for _ in $(seq 1 50); do corosync-cfgtool -s >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  if ! pgrep -x pacemakerd >/dev/null; then
    setsid /usr/sbin/pacemakerd >"$sipring_pcmk_state/pacemakerd.out" 2>&1 < /dev/null &
    echo $! >"$sipring_pcmk_state/pacemakerd.pid"
  fi
fi
# the DC is elected after dc-deadtime (20 s by default) on a fresh start
for _ in $(seq 1 90); do sipring_pcmk_dc && break; sleep 1; done
sipring_pcmk_dc || { echo "ci: pacemaker: no DC after 90 s"; tail -n 30 "$sipring_pcmk_state"/*.out; return 1; }

sipring_pcmk_rsc="$(cibadmin -Q -o resources 2>/dev/null || true)"
if [[ "$sipring_pcmk_rsc" != *'id="pbx"'* ]]; then
  echo "ci: pacemaker: configuring resources"
  crm_attribute --type crm_config --name stonith-enabled --update false
  crm_attribute --type crm_config --name dc-deadtime --update 5s
  cibadmin --create -o resources --xml-text '
<clone id="drbd_data-clone">
  <meta_attributes id="drbd_data-clone-meta">
    <nvpair id="drbd_data-clone-promotable" name="promotable" value="true"/>
    <nvpair id="drbd_data-clone-max" name="clone-max" value="1"/>
    <nvpair id="drbd_data-clone-promoted-max" name="promoted-max" value="1"/>
  </meta_attributes>
  <primitive id="drbd_data" class="ocf" provider="pacemaker" type="Stateful">
    <operations>
      <op id="drbd_data-mon-p" name="monitor" interval="10s" role="Promoted"/>
      <op id="drbd_data-mon-u" name="monitor" interval="11s" role="Unpromoted"/>
    </operations>
  </primitive>
</clone>'
  cibadmin --create -o resources --xml-text '
<group id="pbx">
  <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
    <instance_attributes id="vip-ia">
      <nvpair id="vip-ip" name="ip" value="127.0.0.99"/>
      <nvpair id="vip-mask" name="cidr_netmask" value="32"/>
      <nvpair id="vip-nic" name="nic" value="lo"/>
    </instance_attributes>
    <operations><op id="vip-mon" name="monitor" interval="10s"/></operations>
  </primitive>
  <primitive id="mariadb" class="ocf" provider="pacemaker" type="Dummy">
    <operations><op id="mariadb-mon" name="monitor" interval="10s"/></operations>
  </primitive>
  <primitive id="asterisk" class="ocf" provider="pacemaker" type="Dummy">
    <operations><op id="asterisk-mon" name="monitor" interval="10s"/></operations>
  </primitive>
  <primitive id="freepbx" class="ocf" provider="pacemaker" type="Dummy">
    <operations><op id="freepbx-mon" name="monitor" interval="10s"/></operations>
  </primitive>
</group>'
  cibadmin --create -o constraints --xml-text \
    '<rsc_colocation id="pbx-with-drbd" rsc="pbx" with-rsc="drbd_data-clone" with-rsc-role="Promoted" score="INFINITY"/>'
  cibadmin --create -o constraints --xml-text \
    '<rsc_order id="drbd-before-pbx" first="drbd_data-clone" first-action="promote" then="pbx" then-action="start"/>'
fi
# settled = no pending actions; then every configured resource must be running
crm_resource --wait --timeout=60s >/dev/null 2>&1 || true
sipring_pcmk_text=""
for _ in $(seq 1 60); do
  sipring_pcmk_text="$(crm_mon -1 2>/dev/null || true)"
  if [[ "$sipring_pcmk_text" == *'Promoted: [ node1 ]'* ]] \
      && printf '%s\n' "$sipring_pcmk_text" | sed -n '/freepbx.*Started node1/p' | sed -n 1p | read -r _; then
    break
  fi
  sleep 1
done
printf '%s\n' "$sipring_pcmk_text" | sed 's/^/ci: pacemaker: /' 

export SIPRING_TEST_PACEMAKER=1
export SIPRING_HA_NODE=node1
export SIPRING_HA_VIP=127.0.0.99
export SIPRING_HA_NETNS_SCRIPT="$PWD/sipring-ha/src/test/scripts/pcmk-netns.sh"

# pcsd (REST API) on 127.0.0.1:2224, started by hand: it runs without systemd, though it then believes
# pacemaker is down (it asks systemctl), so /remote/resource_cleanup answers pacemaker_not_running.
# The hacluster password is set only while the account is locked (a fresh CI machine), to a random value
# kept in the state dir; a host whose hacluster password is already in use is left alone (no pcsd tests).
sipring_pcsd_state="${SIPRING_CI_STATE:-/tmp/sipring-ci}/pcsd"
mkdir -p "$sipring_pcsd_state"
if [ -x /usr/sbin/pcsd ]; then
  if [ ! -s "$sipring_pcsd_state/password" ]; then
    sipring_pcsd_shadow="$(getent shadow hacluster | cut -d: -f2 || true)"
    if [ "$sipring_pcsd_shadow" = "!" ] || [ "$sipring_pcsd_shadow" = "*" ] || [ -z "$sipring_pcsd_shadow" ]; then
      (umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$sipring_pcsd_state/password")
      echo "hacluster:$(cat "$sipring_pcsd_state/password")" | chpasswd
    fi
  fi
  # the Ruby backend (systemd unit pcsd-ruby) serves the legacy /remote/* calls through /run/pcsd-ruby.socket;
  # a socket left behind by a killed backend (same machine, processes ended between runs) is stale
  if [ -S /run/pcsd-ruby.socket ] && ! pgrep -f /usr/share/pcsd/pcsd >/dev/null 2>&1; then
    rm -f /run/pcsd-ruby.socket
  fi
  if [ ! -S /run/pcsd-ruby.socket ] && [ -x /usr/share/pcsd/pcsd ]; then
    # the whole subshell is redirected: nothing may keep .ci/run's stdout open after this script returns
    (cd "$sipring_pcsd_state"; set -a; . /etc/default/pcsd; set +a; exec setsid /usr/share/pcsd/pcsd) \
      >"$sipring_pcsd_state/pcsd-ruby.out" 2>&1 </dev/null &
    for _ in $(seq 1 40); do [ -S /run/pcsd-ruby.socket ] && break; sleep 0.25; done
  fi
  if ! (exec 3<>/dev/tcp/127.0.0.1/2224) 2>/dev/null; then
    echo "ci: pcsd: starting on 127.0.0.1:2224"
    (cd "$sipring_pcsd_state"; PCSD_BIND_ADDR=127.0.0.1 exec setsid /usr/sbin/pcsd) \
      >"$sipring_pcsd_state/pcsd.out" 2>&1 </dev/null &
    for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/2224) 2>/dev/null && break; sleep 0.5; done
  fi
  if [ -s "$sipring_pcsd_state/password" ] && [ -s /var/lib/pcsd/pcsd.crt ] && (exec 3<>/dev/tcp/127.0.0.1/2224) 2>/dev/null; then
    export SIPRING_TEST_PCSD_URL=https://127.0.0.1:2224
    export SIPRING_TEST_PCSD_PASSWORD_FILE="$sipring_pcsd_state/password"
    export SIPRING_TEST_PCSD_CERT=/var/lib/pcsd/pcsd.crt
  else
    echo "ci: pcsd: not available (hacluster password in use, or pcsd did not start); pcsd live tests will skip"
  fi
fi
