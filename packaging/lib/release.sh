# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The release's commands of packaging/dev: the Debian package (packaging/lib/package), its install
# test in a clean Debian 13 (packaging/lib/install-test) and lintian. Sourced, never run.

package_dir() { echo "$(build_dir)-package"; }

# The package built last: its .deb (not the debug symbols' one).
package_deb() {
    local debs
    debs=("$(package_dir)"/clusterdesk_*_*.deb)
    [ -f "${debs[0]}" ] || die "no package in $(package_dir); build it with 'packaging/dev package'"
    echo "${debs[0]}"
}

# package_build [--no-dbgsym]: build the package (and its debug symbols' package, unless told not
# to); its changelog is dated with the last commit (reproducible).
package_build() {
    local epoch dbgsym=1
    [ "${1:-}" = --no-dbgsym ] && dbgsym=0
    epoch=$(git -C "$CD_SRC" log -1 --format=%ct 2>/dev/null) || epoch=
    CLUSTERDESK_SOURCE_DATE_EPOCH=${epoch:-$(date +%s)} CLUSTERDESK_PACKAGE_DBGSYM=$dbgsym \
        env_run "$CD_SRC/packaging/lib/package" "$(package_dir)" >/dev/null
    say "built $(package_deb)"
}

# package_install_test: install the package in a fresh Debian 13 root filesystem (minbase and Xvfb,
# cached; every run gets a new empty overlay on top of it, thrown away afterwards), with apt's
# downloads and package lists kept in the cache, so an unchanged archive is not asked twice.
package_install_test() {
    local deb version work apt_cache status=0
    deb=$(package_deb)
    version=$(basename "$deb")
    version=${version#clusterdesk_}
    version=${version%%_*}
    need_root "The install test"
    ensure_rootfs install
    work=$(build_dir)-install
    apt_cache=$CD_CACHE/install-apt
    rm -rf --one-file-system "$work"
    mkdir -p "$work/upper" "$work/overlay-work" "$work/root" "$work/out" \
        "$apt_cache/archives/partial" "$apt_cache/lists/partial"
    # The cache is seen at the same path inside (packaging/lib/enter binds it). One install test at a
    # time on this machine: they share apt's lists and downloads.
    flock "$apt_cache/.lock" unshare --mount --propagation private -- bash -c '
        set -e
        mount -t overlay overlay -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/overlay-work" "$2/root"
        exec bash "$CD_SRC/packaging/lib/enter" "$2/root" -- \
            bash "$CD_SRC/packaging/lib/install-test" "$3" "$4" "$2/out" "$5"
    ' install-test "$(rootfs_dir install)" "$work" "$deb" "$version" "$apt_cache" || status=$?
    # What the run installed is not kept: the next run starts from the clean root filesystem again.
    rm -rf --one-file-system "$work/upper" "$work/overlay-work" "$work/root"
    # apt's downloads of versions the archive no longer has
    find "$apt_cache/archives" -maxdepth 1 -name '*.deb' -mtime +30 -delete
    [ "$status" = 0 ] || say "the install test's logs are in ${work#"$CD_SRC"/}/out"
    return "$status"
}

# package_lint: lintian on the package (.changes: the .deb, its debug symbols and the .buildinfo).
# Errors and warnings fail: a warning is fixed, or overridden with its reason in
# packaging/debian/clusterdesk.lintian-overrides.
package_lint() {
    local changes
    changes=("$(package_dir)"/clusterdesk_*.changes)
    [ -f "${changes[0]}" ] || die "no .changes in $(package_dir); build the package with 'packaging/dev package'"
    # As nobody when run as root (lintian advises against root).
    env_run bash -c 'if [ "$(id -u)" = 0 ]; then exec runuser -u nobody -- env HOME=/tmp "$@"; else exec "$@"; fi' \
        lintian lintian --fail-on error,warning --display-level '>=warning' --show-overrides "${changes[0]}"
}

cmd_package() {
    local check=0 status=0
    case ${1:-} in
        --check) check=1 ;;
        '') ;;
        *) usage >&2; exit 2 ;;
    esac
    CD_PHASES=()
    phase package package_build || status=$?
    if [ "$check" = 1 ] && [ "$status" = 0 ]; then
        phase "install test" package_install_test || status=$?
        phase lintian package_lint || status=$?
    fi
    say "time per phase:"
    printf '    %s\n' "${CD_PHASES[@]}" >&2
    return "$status"
}
