# Where builds and tests run: natively when the host has the dependencies, otherwise in the cached
# Debian 13 build environment. Sourced, never run.

# host_is_native: this host can build clusterdesk without a root filesystem.
host_is_native() {
    case ${CLUSTERDESK_ENV:-auto} in
        native) return 0 ;;
        rootfs) return 1 ;;
    esac
    local tool qt
    for tool in cmake ninja c++ pkg-config Xvfb ssh oathtool; do
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

cmd_test() {
    local started=$SECONDS status=0 build sanitized
    build=$(build_dir)
    sanitized=$build-sanitize
    prepare_cluster
    cmd_build
    say "running the tests"
    # The fixtures stop the cluster; stopping again here also covers an interrupted run.
    trap 'cluster_stop >/dev/null 2>&1 || true' EXIT
    env_run ctest --test-dir "$build" --output-on-failure --timeout 900 "$@" || status=$?
    if [ "$status" = 0 ] && [ "${CLUSTERDESK_SKIP_SANITIZE:-}" != 1 ]; then
        # The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
        say "building with AddressSanitizer and UndefinedBehaviorSanitizer (into ${sanitized#"$CD_SRC"/})"
        CLUSTERDESK_SANITIZE=1 env_run "$CD_SRC/packaging/lib/build" "$sanitized" || status=$?
        if [ "$status" = 0 ]; then
            say "running the tests again, sanitized"
            env_run ctest --test-dir "$sanitized" --output-on-failure --timeout 900 "$@" || status=$?
        fi
    fi
    cluster_stop >/dev/null 2>&1 || true
    trap - EXIT
    if [ "$status" = 0 ]; then
        say "all tests passed ($((SECONDS - started)) s in all)"
    else
        say "tests failed ($((SECONDS - started)) s in all); logs: $build/Testing/Temporary/LastTest.log"
    fi
    return "$status"
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
