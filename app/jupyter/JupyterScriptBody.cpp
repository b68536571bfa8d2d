// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterScriptBody.h"

#include "app/jupyter/JupyterLauncher.h"
#include "sshcore/ShellQuote.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace app {

namespace {

QString quoted(const QString &text)
{
    return QString::fromUtf8(sshcore::ShellQuote::quote(text.toUtf8()));
}

// A marker line whose variable part (a module name, a path) is quoted as an argument of its own.
QString markLine(const QString &text, const QString &argument = {})
{
    return u"mark "_s + quoted(text) + (argument.isNull() ? QString() : u' ' + quoted(argument));
}

QString failLine(const QString &text, const QString &argument = {})
{
    return u"{ "_s + markLine(text, argument) + u"; exit 1; }"_s;
}

QString moduleLines(const QStringList &modules)
{
    if (modules.isEmpty())
        return {};
    // A batch shell is not a login shell: the module command may still have to be set up.
    QString text =
        u"if ! type module >/dev/null 2>&1; then\n"
        "    for init in /etc/profile.d/lmod.sh /usr/share/lmod/lmod/init/bash /etc/profile.d/modules.sh \\\n"
        "        /usr/share/modules/init/bash; do\n"
        "        if [ -r \"$init\" ]; then . \"$init\"; break; fi\n"
        "    done\n"
        "fi\n"
        "type module >/dev/null 2>&1 || "_s
        + failLine(u"error: module-command-missing: the module command is not available on this node"_s) + u'\n';
    for (const QString &module : modules)
        text += u"module load "_s + quoted(module) + u" || "_s
                + failLine(u"error: module-load: could not load the module"_s, module) + u'\n';
    return text;
}

QString environmentLines(const JupyterEnvironment &env)
{
    switch (env.kind) {
    case JupyterEnvironment::Kind::Conda:
        return u"type conda >/dev/null 2>&1 || "_s
               + failLine(u"error: conda-missing: there is no conda command on this node (load a module that "
                          "provides it)"_s)
               + u"\neval \"$(conda shell.bash hook)\" && conda activate "_s + quoted(env.conda) + u" || "_s
               + failLine(u"error: conda-activate: could not activate the conda environment"_s, env.conda) + u'\n';
    case JupyterEnvironment::Kind::Venv: {
        const QString activate = env.venv + u"/bin/activate"_s;
        return u"[ -r "_s + quoted(activate) + u" ] || "_s
               + failLine(u"error: venv-missing: no virtual environment (bin/activate) in"_s, env.venv) + u"\n. "_s
               + quoted(activate) + u" || "_s
               + failLine(u"error: venv-activate: could not activate the virtual environment"_s, env.venv) + u'\n';
    }
    default: return {};
    }
}

// How the launcher is started: with the environment's python3, or inside the container.
QString startLines(const JupyterSettings &settings)
{
    const JupyterEnvironment &env = settings.environment;
    if (env.kind != JupyterEnvironment::Kind::Container) {
        return u"type python3 >/dev/null 2>&1 || "_s
               + failLine(u"error: jupyter-missing: there is no python3 in this environment"_s)
               + u"\nmark \"environment ready: $(command -v python3)\"\n"
                 "python3 \"$launcher\" &\n"_s;
    }
    const bool gpus = !settings.gpus.isEmpty() && settings.gpus != u"0";
    return u"if type apptainer >/dev/null 2>&1; then runner=apptainer\n"
           "elif type singularity >/dev/null 2>&1; then runner=singularity\n"
           "else "_s
           + markLine(
               u"error: container-runtime-missing: neither apptainer nor singularity is installed on this node"_s)
           + u"; exit 1\n"
             "fi\n"_s
           + u"mark \"environment ready: $runner\" "_s + quoted(env.container) + u'\n' + u"\"$runner\" exec "_s
           + (gpus ? u"--nv "_s : QString()) + quoted(env.container) + u" python3 \"$launcher\" &\n"_s;
}

} // namespace

QString JupyterScriptBody::text() const
{
    const QString workDirectory = settings.workDirectory.isEmpty() ? layout.home : settings.workDirectory;
    QString text;
    text += u"# Jupyter on a compute node, written by clusterdesk. The server's token is made on the node by the\n"
            "# launcher below and handed to the server in its environment: it is in no file the app wrote, on no\n"
            "# command line (ps, squeue, scontrol) and never printed.\n"
            "\n"
            "# Before anything is written: the folders, the launcher and the server's info file are private.\n"
            "umask 077\n"
            "mark() { printf '%s %s\\n' "_s
            + quoted(QString::fromLatin1(jupyterMarker)) + u" \"$*\"; }\n"_s;
    text += u"runtime="_s + quoted(layout.runtimeDir()) + u'\n';
    text += u"mkdir -p "_s + quoted(layout.runtimeDir()) + u' ' + quoted(layout.configDir()) + u" && chmod 700 "_s
            + quoted(layout.root()) + u" \"$runtime\" "_s + quoted(layout.configDir()) + u" || "_s
            + failLine(u"error: layout: could not make the private folders in"_s, layout.root()) + u'\n';
    text += u"export JUPYTER_RUNTIME_DIR=\"$runtime\" JUPYTER_CONFIG_DIR="_s + quoted(layout.configDir()) + u'\n';
    text += u"export CLUSTERDESK_JUPYTER_INTERFACE="_s
            + (settings.interface == JupyterSettings::Interface::Lab ? u"lab"_s : u"notebook"_s) + u'\n';
    text += u"mark \"job "_s + (jobIdVariable.isEmpty() ? QString() : u"${"_s + jobIdVariable + u":-}"_s)
            + u" started on $(hostname)\"\n\n"_s;

    text += u"# The scheduler's warning before the time limit (and a cancellation) stops the server with SIGTERM:\n"
            "# it shuts its kernels down and removes its info file, so the app sees it end rather than vanish.\n"
            "server_pid=\n"
            "on_signal() {\n"
            "    if [ \"$1\" = warning ]; then\n"
            "        mark \"time-limit: the job's time limit is near; stopping the server\"\n"
            "    else\n"
            "        mark \"stopping: the job was asked to stop (SIG$1)\"\n"
            "    fi\n"
            "    if [ -n \"$server_pid\" ]; then kill -TERM \"$server_pid\" 2>/dev/null; else exit 143; fi\n"
            "}\n"
            "trap 'on_signal warning' USR1 USR2\n"
            "trap 'on_signal TERM' TERM\n"_s;
    if (selfWarningAfterSeconds) {
        text += u"# PBS sends no warning before the walltime ends: the script knows its limit and warns itself.\n"
                "( sleep "_s
                + QString::number(std::max<qint64>(1, *selfWarningAfterSeconds))
                + u" & sleeper=$!; trap 'kill $sleeper 2>/dev/null; exit 0' TERM; wait $sleeper && kill -USR1 $$ ) &\n"
                  "alarm_pid=$!\n"_s;
    }
    text += u'\n';

    text += u"# Modules first in every kind of environment: python, conda or apptainer may be modules themselves.\n"_s;
    text += moduleLines(settings.environment.modules);
    text += environmentLines(settings.environment);
    text += u"cd "_s + quoted(workDirectory) + u" || "_s
            + failLine(u"error: workdir: could not enter the working folder"_s, workDirectory) + u'\n';
    text += u"\nlauncher=\"$runtime/launcher.py\"\n"
            "cat >\"$launcher\" <<'CLUSTERDESK_LAUNCHER_END'\n"_s
            + jupyterLauncherSource() + u"CLUSTERDESK_LAUNCHER_END\n\n"_s;
    text += startLines(settings);
    text += u"server_pid=$!\n"
            "# wait returns early when a trapped signal arrives; go on waiting until the server has ended.\n"
            "while :; do\n"
            "    wait \"$server_pid\"\n"
            "    status=$?\n"
            "    kill -0 \"$server_pid\" 2>/dev/null || break\n"
            "done\n"_s;
    if (selfWarningAfterSeconds)
        text += u"kill \"$alarm_pid\" 2>/dev/null\n"_s;
    text += u"mark \"server stopped (exit status $status)\"\n"
            "exit \"$status\"\n"_s;
    return text;
}

} // namespace app
