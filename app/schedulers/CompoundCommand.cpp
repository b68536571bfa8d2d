// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/CompoundCommand.h"

#include "sshcore/ShellQuote.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <array>

using sshcore::CommandResult;
using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::CompoundCommand)
};

// The exit status of the whole command when its temporary folder could not be made.
constexpr int NoTemporaryFolder = 125;
// A header line is short: anything longer is not one.
constexpr qsizetype MaxHeader = 200;

// "123", "  123" (wc -c pads on some systems): a count, or -1.
qint64 number(QByteArrayView text)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

} // namespace

CompoundCommand::CompoundCommand(QList<QByteArray> commandLines)
    : m_parts(std::move(commandLines))
{
    std::array<quint32, 4> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    m_marker = "clusterdesk-part-" + QByteArray(reinterpret_cast<const char *>(random.data()), sizeof(random)).toHex();
    for (QByteArray &part : m_parts) {
        if (part.trimmed().isEmpty())
            part = ":";
    }
}

QByteArray CompoundCommand::join() const
{
    const QByteArray marker = sshcore::ShellQuote::quote(m_marker);
    // The temporary folder goes also when the command is stopped (the channel closed: HUP, PIPE).
    QByteArray script = "d=$(mktemp -d \"${TMPDIR:-/tmp}/clusterdesk.XXXXXX\") || exit "
                        + QByteArray::number(NoTemporaryFolder)
                        + "\ntrap 'rm -rf \"$d\"' EXIT\ntrap 'exit 129' HUP INT TERM PIPE\n";
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        // The part on lines of its own: a trailing comment or a missing newline cannot swallow
        // the closing parenthesis.
        script += "(\n" + m_parts[i] + "\n) >\"$d/o\" 2>\"$d/e\" </dev/null\ns=$?\n";
        script += "printf '%s %s %s %s %s\\n' " + marker + ' ' + QByteArray::number(i)
                  + " \"$s\" $(wc -c <\"$d/o\") $(wc -c <\"$d/e\")\ncat \"$d/o\" \"$d/e\"\n";
    }
    script += "exit 0";
    return script;
}

Result<QList<CommandResult>> CompoundCommand::split(const CommandResult &whole) const
{
    const QByteArray &output = whole.standardOutput;
    QList<CommandResult> results;
    results.reserve(m_parts.size());
    const QByteArray first = m_marker + " 0 ";
    qsizetype position = output.indexOf(first);
    const auto incomplete = [&] {
        const QString said = QString::fromUtf8(whole.standardError).trimmed().left(300);
        if (whole.exitStatus == NoTemporaryFolder && results.isEmpty())
            return failure(sshcore::ErrorKind::Refused,
                           Tr::tr("The cluster could not make a temporary folder for clusterdesk's commands: %1")
                               .arg(said.isEmpty() ? Tr::tr("no reason given") : said));
        return failure(sshcore::ErrorKind::Malformed,
                       Tr::tr("The combined command stopped after %1 of its %2 parts (exit status %3)%4")
                           .arg(results.size())
                           .arg(m_parts.size())
                           .arg(whole.exitStatus)
                           .arg(said.isEmpty() ? QStringLiteral(".") : QStringLiteral(": ") + said));
    };
    if (m_parts.isEmpty())
        return results;
    if (position < 0)
        return incomplete();
    for (qsizetype i = 0; i < m_parts.size(); ++i) {
        const qsizetype end = output.indexOf('\n', position);
        if (end < 0 || end - position > MaxHeader)
            return incomplete();
        const QList<QByteArray> fields = output.sliced(position, end - position).simplified().split(' ');
        if (fields.size() != 5 || fields[0] != m_marker || number(fields[1]) != i)
            return incomplete();
        const qint64 status = number(fields[2]);
        const qint64 outputSize = number(fields[3]);
        const qint64 errorSize = number(fields[4]);
        if (status < 0 || outputSize < 0 || errorSize < 0 || outputSize > output.size() || errorSize > output.size()
            || end + 1 + outputSize + errorSize > output.size())
            return incomplete();
        CommandResult part;
        part.exitStatus = int(status);
        part.standardOutput = output.sliced(end + 1, outputSize);
        part.standardError = output.sliced(end + 1 + outputSize, errorSize);
        results.append(std::move(part));
        position = end + 1 + outputSize + errorSize;
    }
    return results;
}

} // namespace app
