# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Sourced by test-bash and test-zsh: a private HOME with an ~/.ssh/config, the desktop app's saved
# clusters (read by the real 'clusterdesk-cli profiles'), and a folder with job scripts to complete.
# Needs $CLI (the built clusterdesk-cli); sets $tmp and cds into the work folder.

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
unset XDG_DATA_DIRS
mkdir -p "$HOME/.ssh" "$XDG_CONFIG_HOME/clusterdesk/clusterdesk" "$tmp/work/data"
cat >"$HOME/.ssh/config" <<'CONFIG'
Host hawk-login
    HostName login.hawk.example.org
    User alice
Host gpubox *.internal
    HostName gpubox.example.org
Host *
    ServerAliveInterval 30
CONFIG
cat >"$XDG_CONFIG_HOME/clusterdesk/clusterdesk/profiles.json" <<'PROFILES'
{
  "format": 1,
  "profiles": [
    {"name": "Hawk", "host": "hawk-login", "user": "alice", "port": 22, "scheduler": "slurm"},
    {"name": "Demo cluster", "host": "127.0.0.1", "user": "alice", "port": 2222, "scheduler": "slurm"},
    {"name": "lumi", "host": "lumi.csc.fi", "user": "bob", "port": 22,
     "jump_hosts": ["bob@gate.csc.fi"], "scheduler": "detect"}
  ]
}
PROFILES
touch "$tmp/work/train.sh" "$tmp/work/sweep.sh" "$tmp/work/data/x.csv"
cd "$tmp/work" || exit 1

# The real profiles command, as the completions read it.
profiles=$("$CLI" profiles) || { echo "clusterdesk-cli profiles failed"; exit 1; }
expected=$'Hawk\talice@hawk-login\t-\tslurm\nDemo cluster\talice@127.0.0.1:2222\t-\tslurm\nlumi\tbob@lumi.csc.fi\tbob@gate.csc.fi\tdetect'
if [[ $profiles != "$expected" ]]; then
    echo "clusterdesk-cli profiles printed:"; echo "$profiles"; exit 1
fi

failures=0
# check NAME GOT... -- WANTED... [! UNWANTED...]: every WANTED offered, no UNWANTED.
check() {
    local name=$1 mode=want item
    shift
    local -a got=() want=() unwanted=()
    while (($#)) && [[ $1 != -- ]]; do got+=("$1"); shift; done
    shift
    for item in "$@"; do
        if [[ $item == '!' ]]; then mode=unwanted; continue; fi
        if [[ $mode == want ]]; then want+=("$item"); else unwanted+=("$item"); fi
    done
    local ok=1 g found
    for item in "${want[@]}"; do
        found=""
        for g in "${got[@]}"; do [[ $g == "$item" ]] && found=1; done
        [[ -n $found ]] || { echo "FAIL $name: '$item' not offered"; ok=""; }
    done
    for item in "${unwanted[@]}"; do
        for g in "${got[@]}"; do [[ $g == "$item" ]] && { echo "FAIL $name: '$item' offered"; ok=""; }; done
    done
    if [[ -n $ok ]]; then echo "ok   $name"; else
        echo "     offered: ${got[*]}"; failures=$((failures + 1)); fi
}
