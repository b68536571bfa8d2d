# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later

# Shared helpers of packaging/dev: messages, paths, checks. Sourced, never run.

CD_SRC=${CD_SRC:?}
CD_CACHE=${CLUSTERDESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clusterdesk}
CD_RUN=${CLUSTERDESK_RUN_DIR:-$CD_CACHE/run}
CD_BUILD=${CLUSTERDESK_BUILD_DIR:-$CD_SRC/build}

if [ -t 2 ]; then
    say() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
    warn() { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
    die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }
else
    say() { printf '==> %s\n' "$*" >&2; }
    warn() { printf 'warning: %s\n' "$*" >&2; }
    die() { printf 'error: %s\n' "$*" >&2; exit 1; }
fi

in_env() { [ "${CLUSTERDESK_IN_ENV:-}" = 1 ]; }

need_root() {
    [ "$(id -u)" = 0 ] && return 0
    die "$1 needs root (it makes and enters a Debian 13 root filesystem with chroot and namespaces).
       Run it as root, e.g. 'sudo packaging/dev $CD_COMMAND'."
}

# version_ge A B: true when dotted version A >= B.
version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
