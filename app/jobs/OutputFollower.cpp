// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/OutputFollower.h"

#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"

using namespace std::chrono_literals;
using sshcore::ShellQuote;

namespace app {

namespace {

constexpr std::chrono::seconds ReadTimeout = 30s;
// More than this waiting to be read goes through a channel of its own, not the shared shell.
constexpr qint64 SharedShellBacklog = 64 * 1024;

// Run by sh whatever the user's login shell, with the path and numbers as arguments (never pasted
// into the script). Prints "size identity start\n", then the bytes from start on. A negative start
// means "the last keep bytes". Exit 3: no such file, 4: not readable, 5: a folder.
constexpr char Script[] = R"sh(f=$1 o=$2 keep=$3 cap=$4
[ -e "$f" ] || exit 3
[ -d "$f" ] && exit 5
[ -r "$f" ] || exit 4
set -- $(stat -L -c '%s %d:%i' -- "$f" 2>/dev/null || echo "$(wc -c <"$f") -")
[ "$o" -lt 0 ] && o=$(( $1 > keep ? $1 - keep : 0 ))
printf '%s %s %s\n' "$1" "$2" "$o"
[ "$o" -lt "$1" ] && tail -c +$(( o + 1 )) -- "$f" | head -c "$cap"
exit 0)sh";

} // namespace

OutputFollower::OutputFollower(SchedulerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_poller([this] { read(); })
{
    m_poller.setInterval(2s);
}

void OutputFollower::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    m_lastProblem.clear();
    startOver();
    if (isActive())
        poll();
}

void OutputFollower::setKeepBytes(qsizetype bytes)
{
    m_keepBytes = std::max<qsizetype>(bytes, 1024);
}

void OutputFollower::read()
{
    if (!m_client || m_path.isEmpty()) {
        m_poller.finished();
        return;
    }
    // The first read and a large backlog get their own channel; the rest share the shell.
    const bool shared = m_offset >= 0 && m_size - m_offset <= SharedShellBacklog;
    m_client->runCommand(command(), shared, ReadTimeout, this,
                         [this, generation = m_generation](sshcore::Result<sshcore::CommandResult> result) {
                             if (generation != m_generation)
                                 m_poller.trigger(); // for another file: read the current one now
                             else if (result)
                                 answered(*result);
                             else
                                 report(result.error().message);
                             m_poller.finished();
                         });
}

QByteArray OutputFollower::command() const
{
    return "sh -c " + ShellQuote::quote(Script) + " sh "
           + ShellQuote::command({m_path.toUtf8(), QByteArray::number(m_offset), QByteArray::number(m_keepBytes),
                                  QByteArray::number(MaxReadBytes)});
}

void OutputFollower::answered(const sshcore::CommandResult &result)
{
    switch (result.exitStatus) {
    case 0: break;
    case 3: return report(tr("The output file %1 does not exist yet — the job may not have started.").arg(m_path));
    case 4: return report(tr("Permission denied: %1 cannot be read.").arg(m_path));
    case 5: return report(tr("%1 is a folder, not an output file.").arg(m_path));
    default:
        return report(
            tr("Could not read %1: %2").arg(m_path, QString::fromUtf8(result.standardError).trimmed().left(400)));
    }
    const QByteArray &out = result.standardOutput;
    const qsizetype headerEnd = out.indexOf('\n');
    const QList<QByteArray> header = out.first(std::max<qsizetype>(headerEnd, 0)).split(' ');
    bool sizeOk = false;
    bool startOk = false;
    const qint64 size = header.value(0).toLongLong(&sizeOk);
    const qint64 start = header.value(2).toLongLong(&startOk);
    if (headerEnd < 0 || header.size() != 3 || !sizeOk || !startOk)
        return report(tr("Could not read %1: unexpected answer \"%2\"").arg(m_path, QString::fromUtf8(out.left(200))));
    const QByteArray &identity = header[1];

    // Shrunk (truncated, rewritten) or another file under the same name: start over from its tail.
    if (m_offset >= 0 && (size < m_offset || (identity != m_identity && identity != "-"))) {
        startOver();
        m_poller.trigger(); // right after this answer
        return;
    }
    m_lastProblem.clear();
    m_identity = identity;
    m_size = size;
    const QByteArray bytes = out.sliced(headerEnd + 1);
    m_offset = start + bytes.size();
    if (bytes.isEmpty())
        return;
    m_text += bytes;
    if (m_text.size() > m_keepBytes) {
        // Keep the tail, from the start of a line when one begins soon after the cut.
        qsizetype cut = m_text.size() - m_keepBytes;
        const qsizetype lineStart = m_text.indexOf('\n', cut);
        if (lineStart >= 0 && lineStart - cut < 4096)
            cut = lineStart + 1;
        m_text.remove(0, cut);
    }
    Q_EMIT appended(bytes);
    if (bytes.size() >= MaxReadBytes)
        m_poller.trigger(); // more is waiting: right after this answer
}

void OutputFollower::report(const QString &message)
{
    if (message == m_lastProblem)
        return;
    m_lastProblem = message;
    Q_EMIT problem(message);
}

void OutputFollower::startOver()
{
    ++m_generation;
    m_offset = -1;
    m_size = 0;
    m_identity.clear();
    const bool hadText = !m_text.isEmpty();
    m_text.clear();
    if (hadText)
        Q_EMIT reset();
}

} // namespace app
