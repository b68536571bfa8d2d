# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Debian 13 root filesystems: made once from Debian's package archive, cached under a hash of
# their package list, entered with a private mount namespace so that no mount ever leaks to the
# host (which also makes deleting a stale root filesystem safe). Sourced, never run.

CD_SUITE=trixie
CD_ROOTFS_FORMAT=1   # bump to force every cached root filesystem to be made again

# The Debian mirror the host's apt already uses, so nothing here names a server of its own.
debian_mirror() {
    if [ -n "${CLUSTERDESK_DEBIAN_MIRROR:-}" ]; then
        echo "$CLUSTERDESK_DEBIAN_MIRROR"
        return
    fi
    local uri
    uri=$( { grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{for (i = 2; i <= NF; i++) print $i}'
             grep -hsE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
                 sed -E 's/\[[^]]*\]//' | awk '{print $2}'
           } | grep -E '/debian/?$' | grep -v security | head -n 1)
    [ -n "$uri" ] || die "cannot tell which Debian mirror to use: this host's apt sources name none.
       Set CLUSTERDESK_DEBIAN_MIRROR to the URL of a Debian archive mirror and try again."
    echo "${uri%/}"
}

# rootfs_key KIND: a hash of everything the root filesystem is made from.
rootfs_key() {
    local kind=$1
    {
        echo "format $CD_ROOTFS_FORMAT suite $CD_SUITE"
        grep -vE '^\s*(#|$)' "$CD_SRC/packaging/env/$kind.packages"
        [ ! -f "$CD_SRC/packaging/env/$kind.setup" ] || cat "$CD_SRC/packaging/env/$kind.setup"
    } | sha256sum | cut -c1-16
}

rootfs_dir() { echo "$CD_CACHE/rootfs/$1-$(rootfs_key "$1")"; }

rootfs_ready() { [ -f "$(rootfs_dir "$1")/.clusterdesk-complete" ]; }

ensure_host_tool() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null 2>&1 && return 0
    if command -v apt-get >/dev/null 2>&1; then
        say "installing $package on this host (needed to make the Debian 13 environment)"
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null ||
            die "could not install $package with apt-get; install it and try again"
    else
        die "'$tool' is missing: install the $package package and try again"
    fi
}

# ensure_rootfs KIND: make the cached root filesystem for KIND (build or cluster) unless it exists.
ensure_rootfs() {
    local kind=$1 dir
    dir=$(rootfs_dir "$kind")
    rootfs_ready "$kind" && return 0
    in_env && die "the $kind environment is missing; run 'packaging/dev $CD_COMMAND' on the host, not inside 'packaging/dev shell'"
    need_root "Making the $kind environment"
    ensure_host_tool debootstrap debootstrap
    ensure_host_tool unshare util-linux
    mkdir -p "$CD_CACHE/rootfs"
    exec 8>"$CD_CACHE/rootfs/.lock"
    flock 8
    if rootfs_ready "$kind"; then exec 8>&-; return 0; fi   # made meanwhile by another run
    local partial=$dir.partial started=$SECONDS mirror
    if [ -e "$partial" ]; then
        warn "found an interrupted creation of the $kind environment; starting it over"
        rm -rf --one-file-system "$partial"
    fi
    mirror=$(debian_mirror)
    say "making the $kind environment (Debian 13 root filesystem, cached in $dir)"
    local log=$CD_CACHE/rootfs/$kind.log
    : >"$log"
    debootstrap --variant=minbase "$CD_SUITE" "$partial" "$mirror" >>"$log" 2>&1 ||
        die "debootstrap failed; see $log"
    local packages
    packages=$(grep -vE '^\s*(#|$)' "$CD_SRC/packaging/env/$kind.packages" | tr '\n' ' ')
    say "installing the $kind packages"
    cp /etc/resolv.conf "$partial/etc/resolv.conf" 2>/dev/null || true
    run_in_root "$partial" -- bash -c "
        set -e
        export DEBIAN_FRONTEND=noninteractive
        printf 'APT::Install-Recommends \"false\";\nAPT::Install-Suggests \"false\";\n' >/etc/apt/apt.conf.d/80clusterdesk
        # Daemons are started by the project's own scripts, never by package installation.
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
        apt-get update -qq
        apt-get install -y -qq $packages
        apt-get clean
        rm -rf /var/lib/apt/lists/*" >>"$log" 2>&1 ||
        die "installing the $kind packages failed; see $log"
    if [ -f "$CD_SRC/packaging/env/$kind.setup" ]; then
        run_in_root "$partial" -- bash -s <"$CD_SRC/packaging/env/$kind.setup" >>"$log" 2>&1 ||
            die "setting up the $kind environment failed; see $log"
    fi
    touch "$partial/.clusterdesk-complete"
    mv "$partial" "$dir"
    # Older root filesystems of the same kind are no longer used (a running cluster keeps its own).
    local old
    for old in "$CD_CACHE/rootfs/$kind"-*; do
        [ "$old" = "$dir" ] || [ ! -d "$old" ] || rootfs_in_use "$old" || rm -rf --one-file-system "$old"
    done
    exec 8>&-
    say "the $kind environment is ready ($((SECONDS - started)) s)"
}

# rootfs_in_use DIR: some process runs with DIR as its root.
rootfs_in_use() {
    local link
    for link in /proc/[0-9]*/root; do
        [ "$(readlink "$link" 2>/dev/null)" = "$1" ] && return 0
    done
    return 1
}

# run_in_root DIR [--bind PATH]... -- COMMAND...: run COMMAND in the root filesystem DIR, with the
# checkout and the cache visible at the same paths as on the host.
run_in_root() {
    local root=$1
    shift
    unshare --mount --propagation private -- bash "$CD_SRC/packaging/lib/enter" "$root" "$@"
}
