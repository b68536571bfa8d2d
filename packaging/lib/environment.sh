# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Where builds and tests run: natively when the host has the dependencies, otherwise in the cached
# Debian 13 build environment. Sourced, never run.

# host_is_native: this host can build clusterdesk without a root filesystem.
host_is_native() {
    case ${CLUSTERDESK_ENV:-auto} in
        native) return 0 ;;
        rootfs) return 1 ;;
    esac
    local tool qt
    # apt-get, dpkg-source and dpkg-buildflags: the patched libssh2 is built from Debian's source package
    for tool in cmake ninja c++ pkg-config Xvfb ssh oathtool apt-get dpkg-source dpkg-buildflags patch; do
        command -v "$tool" >/dev/null 2>&1 || return 1
    done
    version_ge "$(cmake --version | awk 'NR == 1 {print $3}')" 3.25 || return 1
    qt=$( { qtpaths6 --qt-query QT_VERSION || /usr/lib/qt6/bin/qtpaths --qt-query QT_VERSION ||
            qmake6 -query QT_VERSION; } 2>/dev/null) || return 1
    version_ge "$qt" 6.5 || return 1
    pkg-config --atleast-version=1.11 libssh2 || return 1
    compgen -G '/usr/lib*/cmake/KF6SyntaxHighlighting' >/dev/null ||
        compgen -G '/usr/lib/*/cmake/KF6SyntaxHighlighting' >/dev/null || return 1
}

# env_run COMMAND...: run COMMAND where builds run.
env_run() {
    if in_env || host_is_native; then
        "$@"
    else
        need_root "Building in the Debian 13 environment"
        ensure_rootfs build
        run_in_root "$(rootfs_dir build)" -- "$@"
    fi
}

# The build directory depends on where builds run, so native and root-filesystem builds never share a
# CMake cache.
build_dir() {
    if [ -n "${CLUSTERDESK_BUILD_DIR:-}" ]; then
        echo "$CLUSTERDESK_BUILD_DIR"
    elif in_env || ! host_is_native; then
        echo "$CD_SRC/build/debian13"
    else
        echo "$CD_SRC/build/native"
    fi
}

cmd_build() {
    env_run "$CD_SRC/packaging/lib/build" "$(build_dir)" "$@"
}

cmd_shell() {
    if [ $# -eq 0 ]; then
        env_run bash -i
    else
        env_run "$@"
    fi
}

# The cluster's root filesystem is made on the host before anything enters the build environment,
# where the test fixtures start it.
prepare_cluster() {
    in_env || { need_root "The demo cluster"; ensure_rootfs cluster; }
}

# phase NAME COMMAND...: run COMMAND as one phase of the test command, remembering how long it took
# and whether it passed (for the summary at the end); returns COMMAND's status.
phase() {
    local name=$1 started=$SECONDS status=0
    shift
    "$@" || status=$?
    CD_PHASES+=("$(printf '%-22s %5d s  %s' "$name" $((SECONDS - started)) "$([ "$status" = 0 ] && echo passed || echo FAILED)")")
    return "$status"
}

# The tests with ctest: those that need no cluster run in parallel with the cluster's (which run
# one at a time: they share the demo cluster's RESOURCE_LOCK). CTEST ARGS come last, so -j there wins.
run_ctest() {
    local build=$1 jobs
    shift
    jobs=${CLUSTERDESK_TEST_JOBS:-$(nproc)}
    [ "$jobs" -ge 2 ] || jobs=2
    env_run ctest --test-dir "$build" --output-on-failure --timeout 900 --parallel "$jobs" "$@"
}

cmd_test() {
    local started=$SECONDS status=0 build sanitized nogui
    build=$(build_dir)
    sanitized=$build-sanitize
    nogui=$build-nogui
    CD_PHASES=()
    phase environment prepare_environment || status=$?
    if [ "$status" = 0 ]; then
        phase build cmd_build || status=$?
    fi
    # The fixtures stop the cluster; stopping again here also covers an interrupted run.
    trap 'cluster_stop >/dev/null 2>&1 || true' EXIT
    if [ "$status" = 0 ]; then
        say "running the tests"
        phase tests run_ctest "$build" "$@" || status=$?
    fi
    if [ "$status" = 0 ] && [ "${CLUSTERDESK_SKIP_SANITIZE:-}" != 1 ]; then
        # The same suite built with AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer;
        # only the test programs (not the benchmarks or the desktop executable).
        say "building the tests with AddressSanitizer and UndefinedBehaviorSanitizer (into ${sanitized#"$CD_SRC"/})"
        CLUSTERDESK_SANITIZE=1 phase "sanitized build" env_run "$CD_SRC/packaging/lib/build" "$sanitized" \
            clusterdesk_tests || status=$?
        if [ "$status" = 0 ]; then
            say "running the tests again, sanitized"
            phase "sanitized tests" run_ctest "$sanitized" "$@" || status=$?
        fi
    fi
    cluster_stop >/dev/null 2>&1 || true
    trap - EXIT
    # Proof that sshcore, app and the command-line client need no GUI: they build without Qt Widgets,
    # Qt Gui, Qt Charts, Qt Svg and KDE Frameworks (CLUSTERDESK_GUI=OFF).
    say "building clusterdesk-cli without the GUI (into ${nogui#"$CD_SRC"/})"
    CLUSTERDESK_GUI=0 phase "no-GUI build" env_run "$CD_SRC/packaging/lib/build" "$nogui" clusterdesk-cli ||
        status=$?
    # The release: the Debian package, installed in a clean Debian 13 and run there, and lintian.
    local packaged=0
    phase "package build" package_build --no-dbgsym && packaged=1 || status=$?
    if [ "$packaged" = 1 ]; then
        phase "install test" package_install_test || status=$?
        say "checking the package with lintian"
        phase lintian package_lint || status=$?
    fi
    say "checking the layout of every C++ file against .clang-format"
    phase "format check" env_run "$CD_SRC/packaging/lib/format-check" || status=$?
    say "time per phase:"
    printf '    %s\n' "${CD_PHASES[@]}" >&2
    if [ "$status" = 0 ]; then
        say "all tests passed ($((SECONDS - started)) s in all)"
    else
        say "failed ($((SECONDS - started)) s in all; the phases above say which); test logs: $build/Testing/Temporary/LastTest.log"
    fi
    return "$status"
}

# The build, cluster and install test environments, made now (when they are missing) so that the
# build's time is the build's.
prepare_environment() {
    prepare_cluster
    env_run true
    # the install test's (packaging/lib/release.sh)
    in_env || { need_root "The install test"; ensure_rootfs install; }
}

cmd_demo() {
    local build started_here=0
    build=$(build_dir)
    prepare_cluster
    cmd_build clusterdesk
    if ! cluster_running; then
        cluster_start
        started_here=1
    fi
    local status=0
    env_run "$CD_SRC/packaging/lib/demo-run" "$build" "$CD_RUN/cluster.json" || status=$?
    if [ "$started_here" = 1 ]; then
        cluster_stop
    fi
    return "$status"
}
