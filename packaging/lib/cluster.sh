# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

# The demo cluster's life cycle, seen from outside: it runs in its own Debian 13 root filesystem,
# in its own PID, mount, UTS and IPC namespaces (sharing the host's loopback network), so that
# stopping it is ending one PID namespace and nothing can be left behind. Sourced, never run.

cluster_pid() { cat "$CD_RUN/cluster.pid" 2>/dev/null; }

# The PID namespace's init (tini), as the host sees it.
cluster_init_pid() {
    local pid
    pid=$(cluster_pid) || return 1
    [ -n "$pid" ] && head -n 1 "/proc/$pid/task/$pid/children" 2>/dev/null | awk '{print $1}' | grep .
}

# Host PIDs of every process in the cluster's PID namespace.
cluster_processes() {
    local ns link
    ns=$(cat "$CD_RUN/cluster.ns" 2>/dev/null) || return 0
    [ -n "$ns" ] || return 0
    for link in /proc/[0-9]*/ns/pid; do
        if [ "$(readlink "$link" 2>/dev/null)" = "$ns" ]; then
            link=${link#/proc/}
            echo "${link%%/*}"
        fi
    done
}

cluster_running() {
    local init
    init=$(cluster_init_pid) && [ -f "$CD_RUN/cluster.json" ] && kill -0 "$init" 2>/dev/null
}

cluster_start() {
    prepare_cluster
    rootfs_ready cluster || die "the demo cluster's environment is missing; run 'packaging/dev cluster start' on the host"
    if cluster_running; then
        say "the demo cluster is already running"
        echo "$CD_RUN/cluster.json"
        return 0
    fi
    cluster_stop >/dev/null 2>&1 || true   # leftovers of a cluster that failed or was killed
    local root
    root=$(rootfs_dir cluster)
    rm -rf --one-file-system "$CD_RUN"
    mkdir -p "$CD_RUN/log"
    say "starting the demo cluster (state in $CD_RUN)"
    # The cluster keeps none of its caller's descriptors: a lock held while starting it (the tests'
    # flock on the cluster) would otherwise stay held for as long as the cluster runs.
    (
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            [ "$fd" -gt 2 ] && eval "exec $fd>&-"
        done
        CD_ROOT=$root exec setsid unshare --pid --fork --mount --propagation private --uts --ipc \
            --mount-proc="$root/proc" \
            -- bash "$CD_SRC/packaging/cluster/enter" </dev/null >"$CD_RUN/log/enter.log" 2>&1
    ) &
    echo $! >"$CD_RUN/cluster.pid"
    local deadline=$((SECONDS + 240)) init=
    while [ ! -f "$CD_RUN/cluster.json" ]; do
        if [ -z "$init" ] && init=$(cluster_init_pid); then
            readlink "/proc/$init/ns/pid" >"$CD_RUN/cluster.ns"
        fi
        if [ -f "$CD_RUN/failed" ] || ! kill -0 "$(cluster_pid)" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
            local why="it stopped while starting"
            [ $SECONDS -gt $deadline ] && why="it was not ready after 240 s"
            [ -f "$CD_RUN/failed" ] && why=$(cat "$CD_RUN/failed")
            echo "--- last lines of $CD_RUN/log/init.log:" >&2
            tail -n 25 "$CD_RUN/log/init.log" "$CD_RUN/log/enter.log" >&2 2>/dev/null || true
            cluster_stop >/dev/null 2>&1 || true
            die "the demo cluster did not start: $why. Logs: $CD_RUN/log/"
        fi
        sleep 0.3
    done
    say "the demo cluster is up; connection file:"
    echo "$CD_RUN/cluster.json"
}

cluster_stop() {
    local pid init
    pid=$(cluster_pid) || true
    init=$(cluster_init_pid) || true
    if [ -z "$(cluster_processes)" ] && ! { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }; then
        say "the demo cluster is not running"
        return 0
    fi
    say "stopping the demo cluster"
    # tini passes SIGTERM on to the init script, which stops the daemons in order. Whatever is left
    # when the namespace's init exits, the kernel kills.
    if [ -n "$init" ]; then kill -TERM "$init" 2>/dev/null || true; fi
    local deadline=$((SECONDS + 30))
    while [ -n "$(cluster_processes)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.3; done
    if [ -n "$(cluster_processes)" ]; then
        warn "the demo cluster did not stop within 30 s; killing it"
        if [ -n "$init" ]; then kill -KILL "$init" 2>/dev/null || true; fi
        cluster_processes | xargs -r kill -KILL 2>/dev/null || true
        deadline=$((SECONDS + 10))
        while [ -n "$(cluster_processes)" ] && [ $SECONDS -lt $deadline ]; do sleep 0.3; done
    fi
    if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    local left
    left=$(cluster_processes | tr '\n' ' ')
    [ -z "$left" ] || die "processes of the demo cluster are still running: $left"
    rm -f "$CD_RUN/cluster.pid" "$CD_RUN/cluster.json"
    say "the demo cluster is stopped"
}

cluster_status() {
    local init
    if ! init=$(cluster_init_pid) || ! kill -0 "$init" 2>/dev/null; then
        echo "demo cluster: stopped"
        return 3
    fi
    echo "demo cluster: running (connection file $CD_RUN/cluster.json)"
    nsenter --target "$init" --mount --pid --uts --root --wd -- /bin/bash /opt/clusterdesk/status
}
