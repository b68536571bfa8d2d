// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/terminal/TerminalTarget.h"

#include "app/schedulers/Scheduler.h"
#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::TerminalTarget)
};

QByteArray quoted(const QString &text)
{
    return ShellQuote::quote(text.toUtf8());
}

} // namespace

TerminalTarget TerminalTarget::loginNode(const QString &cluster)
{
    TerminalTarget target;
    target.cluster = cluster;
    return target;
}

TerminalTarget TerminalTarget::inFolder(const QString &cluster, const QString &folder)
{
    TerminalTarget target = loginNode(cluster);
    target.kind = Kind::Folder;
    target.folder = folder;
    return target;
}

TerminalTarget TerminalTarget::onJobNode(const QString &cluster, const QString &jobId, const QString &nodeList)
{
    TerminalTarget target = loginNode(cluster);
    target.kind = Kind::JobNode;
    target.jobId = jobId;
    target.node = firstHost(nodeList);
    return target;
}

TerminalTarget TerminalTarget::allocation(const QString &cluster, const InteractiveRequest &request)
{
    TerminalTarget target = loginNode(cluster);
    target.kind = Kind::Allocation;
    target.request = request;
    return target;
}

sshcore::Result<QByteArray> TerminalTarget::command(const Scheduler *scheduler) const
{
    QByteArray line;
    switch (kind) {
    case Kind::LoginNode: line = "exec \"$SHELL\" -l"; break;
    case Kind::Folder: line = "cd -- " + quoted(folder) + " && exec \"$SHELL\" -l"; break;
    case Kind::JobNode:
    case Kind::Allocation: {
        if (!scheduler)
            return sshcore::failure(sshcore::ErrorKind::NotFound, Tr::tr("The cluster's scheduler is not known yet."));
        if (kind == Kind::JobNode) {
            line = scheduler->jobShellCommand(jobId, node);
            if (line.isEmpty())
                return sshcore::failure(sshcore::ErrorKind::NotFound,
                                        Tr::tr("Job %1 runs on no node that a shell could be opened on.").arg(jobId));
        } else {
            auto allocation = scheduler->interactiveCommand(request);
            if (!allocation)
                return allocation;
            line = *allocation;
        }
        break;
    }
    }
    switch (multiplexer) {
    case Multiplexer::None: return line;
    // -A attaches to the session when it exists (the line is then not run again).
    case Multiplexer::Tmux: return "tmux new-session -A -s " + quoted(session) + ' ' + ShellQuote::quote(line);
    // -D -R: reattach (detaching it elsewhere) or create; screen runs a program, not a line.
    case Multiplexer::Screen: return "screen -D -R -S " + quoted(session) + " sh -c " + ShellQuote::quote(line);
    }
    return line;
}

QString TerminalTarget::title(const QString &allocationJobId) const
{
    switch (kind) {
    case Kind::LoginNode: return cluster;
    case Kind::Folder: {
        const QString name = QFileInfo(folder).fileName();
        return Tr::tr("%1: %2").arg(cluster, name.isEmpty() ? folder : name);
    }
    case Kind::JobNode:
        return node.isEmpty() ? Tr::tr("%1: job %2").arg(cluster, jobId)
                              : Tr::tr("%1: job %2 on %3").arg(cluster, jobId, node);
    case Kind::Allocation:
        if (allocationJobId.isEmpty())
            return Tr::tr("%1: allocation").arg(cluster);
        return node.isEmpty() ? Tr::tr("%1: allocation %2").arg(cluster, allocationJobId)
                              : Tr::tr("%1: allocation %2 on %3").arg(cluster, allocationJobId, node);
    }
    return cluster;
}

QString TerminalTarget::sessionName(const QString &hint)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9_-]+"_s);
    QString safe = hint;
    safe.replace(unsafe, u"-"_s);
    safe = safe.left(24);
    const QString suffix = QString::number(QRandomGenerator::global()->generate(), 16).rightJustified(8, u'0');
    return safe.isEmpty() ? u"clusterdesk-"_s + suffix : u"clusterdesk-%1-%2"_s.arg(safe, suffix);
}

QByteArray TerminalTarget::multiplexersCommand()
{
    return QByteArrayLiteral("command -v tmux; command -v screen; true");
}

TerminalTarget::Multiplexer TerminalTarget::parseMultiplexers(const sshcore::CommandResult &result)
{
    bool screen = false;
    for (const QByteArray &line : result.standardOutput.split('\n')) {
        const QByteArray program = line.trimmed().mid(line.trimmed().lastIndexOf('/') + 1);
        if (program == "tmux")
            return Multiplexer::Tmux;
        screen = screen || program == "screen";
    }
    return screen ? Multiplexer::Screen : Multiplexer::None;
}

QByteArray TerminalTarget::sessionExistsCommand() const
{
    switch (multiplexer) {
    case Multiplexer::None: return {};
    // "=" asks for this exact name, not a prefix of another.
    case Multiplexer::Tmux: return "tmux has-session -t " + quoted(u'=' + session) + " 2>/dev/null";
    case Multiplexer::Screen: return "screen -ls 2>/dev/null | grep -q -F -- " + quoted(u'.' + session + u'\t');
    }
    return {};
}

QByteArray TerminalTarget::killSessionCommand() const
{
    switch (multiplexer) {
    case Multiplexer::None: return {};
    case Multiplexer::Tmux: return "tmux kill-session -t " + quoted(u'=' + session);
    case Multiplexer::Screen: return "screen -S " + quoted(session) + " -X quit";
    }
    return {};
}

QString TerminalTarget::firstHost(const QString &nodeList)
{
    QString first = nodeList.trimmed().section(QRegularExpression(u"[\\s+:]"_s), 0, 0);
    first = first.section(u'/', 0, 0);                         // PBS "node01/0*2"
    if (const qsizetype star = first.indexOf(u'*'); star >= 0) // LSF "8*host"
        first = first.mid(star + 1);
    // Slurm's "node[01-04,07]": the first number of the first range.
    static const QRegularExpression range(u"^([^\\[,]*)\\[([^\\]\\-,]+)[^\\]]*\\]([^,]*)"_s);
    if (const auto match = range.match(first); match.hasMatch())
        return match.captured(1) + match.captured(2) + match.captured(3);
    // A plain comma-separated list.
    return first.section(u',', 0, 0);
}

} // namespace app
