// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterDiagnosis.h"

#include "app/jupyter/JupyterLauncher.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterDiagnosis)
};
using Cause = JupyterDiagnosis::Cause;

bool has(const QString &text, const char *pattern)
{
    return text.contains(QRegularExpression(QString::fromLatin1(pattern), QRegularExpression::MultilineOption));
}

// The module a loader refused: Lmod names it in quotes after "unknown:", Tcl modules after "for".
QString unknownModule(const QString &text)
{
    static const QRegularExpression lmod(u"The following module\\(s\\) are unknown: \"([^\"]+)\""_s);
    static const QRegularExpression tcl(u"Unable to locate a modulefile for '([^']+)'"_s);
    static const QRegularExpression marker(u"error: module-load: could not load the module (.+)$"_s,
                                           QRegularExpression::MultilineOption);
    for (const QRegularExpression *pattern : {&lmod, &tcl, &marker}) {
        const auto match = pattern->match(text);
        if (match.hasMatch())
            return match.captured(1).trimmed();
    }
    return {};
}

// The job's own "error: code: text" line, if it printed one.
QString markerError(const QString &text)
{
    static const QRegularExpression pattern(QRegularExpression::escape(QString::fromLatin1(jupyterMarker))
                                                + u" error: [a-z-]+: (.+)$"_s,
                                            QRegularExpression::MultilineOption);
    QString last;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        last = it.next().captured(1).trimmed();
    return last;
}

// The last line that says something, for a cause nothing above recognises.
QString lastLine(const QString &text)
{
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (!line.isEmpty() && !line.startsWith(QString::fromLatin1(jupyterMarker) + u" server stopped"_s))
            return line.left(300);
    }
    return {};
}

JupyterDiagnosis diagnosis(Cause cause, QString message)
{
    return {cause, std::move(message)};
}

} // namespace

JupyterDiagnosis diagnoseJupyterEnd(const QByteArray &outputTail, const std::optional<JobAccounting> &end)
{
    const QString text = QString::fromUtf8(outputTail);
    const JobState state = end ? end->state : JobState::Unknown;

    if (has(text, "error: lab-missing:|No module named '?jupyterlab'?|jupyter-lab: command not found"
                  "|Jupyter command `jupyter-lab` not found"))
        return diagnosis(Cause::LabMissing,
                         Tr::tr(
                             "JupyterLab is not installed in the job's environment. Choose the Notebook interface, or "
                             "an environment (module, conda or venv) with jupyterlab installed."));
    if (has(text, "error: jupyter-missing:|No module named '?(jupyter_server|notebook|jupyter_core)'?"
                  "|jupyter(-notebook|-server)?: command not found|python3: command not found"))
        return diagnosis(Cause::JupyterMissing,
                         Tr::tr(
                             "Jupyter is not installed in the job's environment. Load a module that provides Jupyter, "
                             "or choose an environment with jupyter-server installed."));
    if (has(text, "The following module\\(s\\) are unknown|Unable to locate a modulefile|error: module-load:")) {
        const QString module = unknownModule(text);
        return diagnosis(Cause::ModuleUnknown,
                         module.isEmpty()
                             ? Tr::tr("A module could not be loaded. Check the module names against the cluster's list "
                                      "(module avail) and start again.")
                             : Tr::tr(
                                   "The cluster has no module \"%1\". Pick one from the cluster's list (module avail) "
                                   "and start again.")
                                   .arg(module));
    }
    if (state == JobState::OutOfMemory || has(text, "oom[-_]kill|OUT_OF_MEMORY|task \\d+: Out Of Memory"))
        return diagnosis(Cause::OutOfMemory,
                         Tr::tr("The job ran out of memory and was stopped. Ask for more memory (or load less data in "
                                "the notebook) and start again."));
    if (has(text, "EADDRINUSE|Address already in use|[Pp]ort \\d+ is already in use|no available port could be found"
                  "|port \\d+ is not available"))
        return diagnosis(Cause::PortInUse,
                         Tr::tr("The server could not listen: another program holds its port. Start again; if it "
                                "happens again, tell the cluster's administrators."));
    if (state == JobState::TimedOut || has(text, " time-limit: |DUE TO TIME LIMIT|TERM_RUNLIMIT"))
        return diagnosis(Cause::TimeLimit,
                         Tr::tr(
                             "The job reached its time limit, so Jupyter was stopped. Ask for more time when you start "
                             "it again, and save your notebooks before the limit."));
    if (state == JobState::Cancelled
        || has(text, "\\*\\*\\* JOB \\S+ ON \\S+ CANCELLED AT|stopping: the job was asked"))
        return diagnosis(Cause::Cancelled,
                         Tr::tr("The job was cancelled (by you, an administrator or the scheduler)."));
    if (const QString error = markerError(text); !error.isEmpty())
        return diagnosis(Cause::Other, Tr::tr("The job stopped: %1").arg(error));
    const bool failed = state == JobState::Failed || state == JobState::NodeFailed || state == JobState::Preempted
                        || (end && !end->exitCode.isEmpty() && end->exitCode != u"0" && end->exitCode != u"0:0");
    if (failed) {
        const QString line = lastLine(text);
        return diagnosis(Cause::Other,
                         line.isEmpty() ? Tr::tr("The job failed (%1) without a message. Read its output for details.")
                                              .arg(end->stateText.isEmpty() ? jobStateName(state) : end->stateText)
                                        : Tr::tr("The job failed: %1").arg(line));
    }
    return {};
}

} // namespace app
