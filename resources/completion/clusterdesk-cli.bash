# SPDX-FileCopyrightText: 2026 The clusterdesk authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bash completion for clusterdesk-cli (needs bash-completion). Installed as
# share/bash-completion/completions/clusterdesk-cli. Its commands and options are those of
# 'clusterdesk-cli --help'; tests/completion/test-bash checks what it offers.

# TARGETs: the clusters saved in the desktop app ('clusterdesk-cli profiles' reads its file and
# connects nowhere), then ~/.ssh/config aliases and known hosts as ssh's completion offers them.
_clusterdesk_cli_targets()
{
    local cli=$1 cur=$2 name line
    local -a names=()
    while IFS=$'\t' read -r name line; do
        [[ -n $name ]] && names+=("$name")
    done < <("$cli" profiles 2>/dev/null)
    local typed=$cur REPLY
    _comp_dequote "$cur" 2>/dev/null && typed=${REPLY-}
    for name in "${names[@]}"; do
        [[ $name == "$typed"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
    done
    if declare -F _comp_compgen_known_hosts >/dev/null; then
        _comp_compgen -a known_hosts -a -- "$cur"
    else
        _known_hosts_real -a -- "$cur"
    fi
}

# Local files (ARGS: -d for folders only), with bash-completion 2.12's API or the older one.
_clusterdesk_cli_files()
{
    if declare -F _comp_compgen_filedir >/dev/null; then
        _comp_compgen -a filedir "$@"
    else
        _filedir "$@"
    fi
}

_clusterdesk_cli()
{
    local cur prev words cword
    if declare -F _comp_initialize >/dev/null; then
        _comp_initialize -n : -- "$@" || return
    else
        _init_completion -n : || return
    fi

    # The program as typed, so that a build's own copy lists its own profiles.
    local cli=${words[0]/#\~/$HOME}
    type -P -- "$cli" >/dev/null || cli=clusterdesk-cli

    local commands="exec ls forward upload download bench-exec submit queue cancel hold release
        history jupyter monitor usage translate probe profiles demo-info"
    local valued="-i --identity --known-hosts --strict-host-key-checking -J --jump --count --command
        --conflict --workdir --days --to --partition --time --cpus --mem --gpus --account --qos --env
        --interval --csv"
    local options="-h --help --help-all -v --version -i --identity --known-hosts
        --strict-host-key-checking -J --jump --batch --count --command --conflict --verify --workdir
        --test --force --all --days --to --partition --time --cpus --mem --gpus --account --qos --env
        --lab --notebook --stop-on-exit --interval --csv"

    # The command and the positional arguments before the word being completed (option values
    # skipped); everything after exec's TARGET is the remote command's.
    local i word command="" skip=""
    local -a positional=()
    for ((i = 1; i < cword; i++)); do
        word=${words[i]}
        if [[ -n $skip ]]; then
            skip=""
        elif [[ $command == exec && ${#positional[@]} -ge 1 ]]; then
            positional+=("$word")
        elif [[ $word == -* ]]; then
            [[ " ${valued//$'\n'/ } " == *" $word "* ]] && skip=1
        elif [[ -z $command ]]; then
            command=$word
        else
            positional+=("$word")
        fi
    done
    if [[ -n $skip ]]; then # the word is an option's value
        case $prev in
            -i | --identity | --known-hosts) _clusterdesk_cli_files ;;
            --csv)
                _clusterdesk_cli_files
                [[ - == "$cur"* ]] && COMPREPLY+=(-)
                ;;
            --strict-host-key-checking) COMPREPLY=($(compgen -W "yes no accept-new ask" -- "$cur")) ;;
            --conflict) COMPREPLY=($(compgen -W "overwrite skip resume keep-both newer" -- "$cur")) ;;
            --to) COMPREPLY=($(compgen -W "slurm pbs lsf sge" -- "$cur")) ;;
            --env)
                compopt -o nospace 2>/dev/null
                COMPREPLY=($(compgen -W "module: conda: venv: container:" -- "$cur"))
                ;;
            -J | --jump) # comma-separated hops: complete the last one
                local done=""
                [[ $cur == *,* ]] && done=${cur%,*},
                _clusterdesk_cli_targets "$cli" "${cur##*,}"
                COMPREPLY=("${COMPREPLY[@]/#/$done}")
                ;;
        esac
        return
    fi
    if [[ $command == exec && ${#positional[@]} -ge 1 ]]; then
        return # the remote command
    fi
    if [[ $cur == -* && ( $command != exec ) ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    if [[ -z $command ]]; then
        [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$options" -- "$cur")) \
            || COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        return
    fi

    # jupyter's own action comes before its TARGET.
    local n=${#positional[@]}
    if [[ $command == jupyter ]]; then
        if ((n == 0)); then
            COMPREPLY=($(compgen -W "start list url stop" -- "$cur"))
            return
        fi
        ((n--))
    fi
    case $command in
        translate) _clusterdesk_cli_files ;;
        probe) ((n == 0)) && _clusterdesk_cli_targets "$cli" "$cur" ;;
        profiles | demo-info) ;;
        *)
            if ((n == 0)); then
                _clusterdesk_cli_targets "$cli" "$cur"
            elif [[ $command == submit && n -eq 1 || $command == upload && n -eq 1 ]]; then
                _clusterdesk_cli_files
            elif [[ $command == download && n -eq 2 ]]; then
                _clusterdesk_cli_files -d
            fi
            ;;
    esac
}
complete -F _clusterdesk_cli clusterdesk-cli
