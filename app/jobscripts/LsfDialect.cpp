// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/LsfDialect.h"

#include "app/schedulers/ResourceUnits.h"

#include <QRegularExpression>

namespace app {

namespace {

const QHash<QString, JobField> &wholeValueFlags()
{
    static const QHash<QString, JobField> flags{
        {QStringLiteral("-q"), JobField::Partition},       {QStringLiteral("-P"), JobField::Account},
        {QStringLiteral("-W"), JobField::TimeLimit},       {QStringLiteral("-n"), JobField::Tasks},
        {QStringLiteral("-o"), JobField::Output},          {QStringLiteral("-e"), JobField::Error},
        {QStringLiteral("-cwd"), JobField::WorkDirectory}, {QStringLiteral("-w"), JobField::Dependency},
        {QStringLiteral("-u"), JobField::MailUser},        {QStringLiteral("-x"), JobField::Exclusive},
    };
    return flags;
}

// "rusage[mem=4GB]" in a -R string: the span inside the brackets of a section.
std::optional<std::pair<qsizetype, qsizetype>> section(QStringView line, qsizetype start, qsizetype end,
                                                       QStringView name)
{
    qsizetype at = start;
    while (true) {
        at = line.indexOf(name, at);
        if (at < 0 || at + name.size() >= end)
            return std::nullopt;
        const qsizetype open = at + name.size();
        if ((at == start || !line[at - 1].isLetterOrNumber()) && line[open] == u'[') {
            const qsizetype close = line.indexOf(u']', open);
            if (close < 0 || close > end)
                return std::nullopt;
            return std::pair{open + 1, close};
        }
        at = open;
    }
}

} // namespace

QHash<QString, QString> LsfDialect::variables() const
{
    return {{QStringLiteral("jobId"), QStringLiteral("LSB_JOBID")},
            {QStringLiteral("jobName"), QStringLiteral("LSB_JOBNAME")},
            {QStringLiteral("arrayTaskId"), QStringLiteral("LSB_JOBINDEX")},
            {QStringLiteral("arrayJobId"), QStringLiteral("LSB_JOBID")},
            {QStringLiteral("submitDirectory"), QStringLiteral("LS_SUBCWD")},
            {QStringLiteral("nodeList"), QStringLiteral("LSB_HOSTS")},
            {QStringLiteral("cpus"), QStringLiteral("LSB_DJOB_NUMPROC")}};
}

const QSet<QString> &LsfDialect::valueFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-J"),  QStringLiteral("-q"),   QStringLiteral("-P"),
                                     QStringLiteral("-W"),  QStringLiteral("-n"),   QStringLiteral("-o"),
                                     QStringLiteral("-e"),  QStringLiteral("-cwd"), QStringLiteral("-w"),
                                     QStringLiteral("-u"),  QStringLiteral("-R"),   QStringLiteral("-gpu"),
                                     QStringLiteral("-M"),  QStringLiteral("-G"),   QStringLiteral("-m"),
                                     QStringLiteral("-oo"), QStringLiteral("-eo"),  QStringLiteral("-app"),
                                     QStringLiteral("-L"),  QStringLiteral("-sla"), QStringLiteral("-We"),
                                     QStringLiteral("-i"),  QStringLiteral("-b"),   QStringLiteral("-E"),
                                     QStringLiteral("-Ep"), QStringLiteral("-a"),   QStringLiteral("-env")};
    return flags;
}

const QSet<QString> &LsfDialect::bareFlags() const
{
    static const QSet<QString> flags{QStringLiteral("-B"),  QStringLiteral("-N"),  QStringLiteral("-x"),
                                     QStringLiteral("-I"),  QStringLiteral("-Ip"), QStringLiteral("-K"),
                                     QStringLiteral("-r"),  QStringLiteral("-rn"), QStringLiteral("-H"),
                                     QStringLiteral("-hl"), QStringLiteral("-Is")};
    return flags;
}

QList<FieldSpot> LsfDialect::spots(QStringView line) const
{
    const QList<DirectiveOption> all = options(line);
    QList<FieldSpot> result;
    addWholeValueSpots(line, all, wholeValueFlags(), &result);
    for (const DirectiveOption &option : all) {
        if (!option.hasValue)
            continue;
        const auto [start, end] = unquotedRange(line, option);
        if (option.flag == u"-J") {
            // "train[1-10]%4": the name, then the array's indices (the running limit stays in place).
            const qsizetype open = line.mid(start, end - start).indexOf(u'[');
            const qsizetype close = open < 0 ? -1 : line.mid(start, end - start).indexOf(u']');
            FieldSpot name;
            name.field = JobField::Name;
            name.valueStart = start;
            name.valueEnd = open < 0 ? end : start + open;
            name.native = line.mid(name.valueStart, name.valueEnd - name.valueStart).toString();
            name.wholeWord = open < 0 && start == option.valueStart;
            if (open < 0) {
                const auto removal = optionRemoval(line, option);
                name.removeStart = removal.first;
                name.removeEnd = removal.second;
            } else {
                name.removeStart = name.valueStart;
                name.removeEnd = name.valueEnd;
            }
            result.append(name);
            if (open >= 0 && close > open) {
                FieldSpot array;
                array.field = JobField::Array;
                array.valueStart = start + open + 1;
                array.valueEnd = start + close;
                array.native = line.mid(array.valueStart, array.valueEnd - array.valueStart).toString();
                array.removeStart = start + open;
                array.removeEnd = start + close + 1;
                array.wholeWord = false;
                result.append(array);
            }
        } else if (option.flag == u"-R") {
            if (const auto usage = section(line, start, end, u"rusage"))
                addListSpots(line, usage->first, usage->second, u':', {{QStringLiteral("mem"), JobField::MemoryPerCpu}},
                             &result);
            if (const auto span = section(line, start, end, u"span"))
                addListSpots(line, span->first, span->second, u':', {{QStringLiteral("hosts"), JobField::Nodes}},
                             &result);
        } else if (option.flag == u"-gpu") {
            addListSpots(line, start, end, u':', {{QStringLiteral("num"), JobField::Gpus}}, &result);
        }
    }
    return result;
}

std::optional<QString> LsfDialect::toCanonical(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::TimeLimit: {
        // -W [hours:]minutes
        const QStringList parts = native.split(u':');
        bool okMinutes = false;
        bool okHours = true;
        const qint64 minutes = parts.back().toLongLong(&okMinutes);
        const qint64 hours = parts.size() == 2 ? parts.front().toLongLong(&okHours) : 0;
        if (parts.size() > 2 || !okMinutes || !okHours)
            return std::nullopt;
        return units::formatDuration(hours * 3600 + minutes * 60);
    }
    case JobField::MemoryPerCpu: {
        const auto bytes = units::parseMemory(native, units::MiB);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes)) : std::nullopt;
    }
    case JobField::Dependency: {
        // "done(12) && ended(13)" → "afterok:12,afterany:13"; anything else (||, wildcards) as is.
        static const QRegularExpression term(QStringLiteral("^\\s*(done|ended|exit|started)\\((\\d+)\\)\\s*$"));
        QStringList conditions;
        for (const QString &part : native.split(QStringLiteral("&&"))) {
            const auto match = term.match(part);
            if (!match.hasMatch())
                return native;
            static const QHash<QString, QString> kinds{{QStringLiteral("done"), QStringLiteral("afterok")},
                                                       {QStringLiteral("ended"), QStringLiteral("afterany")},
                                                       {QStringLiteral("exit"), QStringLiteral("afternotok")},
                                                       {QStringLiteral("started"), QStringLiteral("after")}};
            conditions.append(kinds.value(match.captured(1)) + u':' + match.captured(2));
        }
        return conditions.join(u',');
    }
    default: return native;
    }
}

std::optional<QString> LsfDialect::toNative(JobField field, const QString &canonical) const
{
    switch (field) {
    case JobField::TimeLimit: {
        const auto seconds = units::parseDurationSeconds(canonical);
        if (!seconds)
            return std::nullopt;
        const qint64 minutes = (*seconds + 59) / 60;
        return QStringLiteral("%1:%2").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    case JobField::MemoryPerCpu: {
        const auto bytes = units::parseMemory(canonical, units::MiB);
        return bytes ? std::optional<QString>(units::formatMemory(*bytes) + u'B') : std::nullopt;
    }
    case JobField::Nodes:
        // Only "all on one host" has a plain spelling (span[hosts=1]).
        return canonical == u"1" ? std::optional<QString>(canonical) : std::nullopt;
    case JobField::Gpus: return canonical.section(u':', -1);
    case JobField::Array: return canonical.section(u'%', 0, 0);
    case JobField::Dependency: {
        // "afterok:12:13,afterany:14" → "done(12) && done(13) && ended(14)"
        static const QHash<QString, QString> kinds{{QStringLiteral("afterok"), QStringLiteral("done")},
                                                   {QStringLiteral("afterany"), QStringLiteral("ended")},
                                                   {QStringLiteral("afternotok"), QStringLiteral("exit")},
                                                   {QStringLiteral("after"), QStringLiteral("started")}};
        QStringList terms;
        for (const QString &condition : canonical.split(u',', Qt::SkipEmptyParts)) {
            QStringList parts = condition.split(u':');
            const QString kind = kinds.value(parts.takeFirst());
            if (kind.isEmpty() || parts.isEmpty())
                return std::nullopt;
            for (const QString &id : parts)
                terms.append(kind + u'(' + id.section(u'+', 0, 0) + u')');
        }
        return terms.join(QStringLiteral(" && "));
    }
    case JobField::Memory:
    case JobField::CpusPerTask:
    case JobField::Qos:
    case JobField::MailType:
    case JobField::Constraint: return std::nullopt;
    default: return canonical;
    }
}

FieldInsertion LsfDialect::insertion(const QList<std::pair<int, QString>> &directives, JobField field,
                                     const QString &native) const
{
    if (field == JobField::Array) {
        // The indices go after the job's name.
        for (const auto &[index, text] : directives) {
            for (const FieldSpot &spot : spots(text)) {
                if (spot.field == JobField::Name)
                    return {index, spot.valueEnd, u'[' + native + u']'};
            }
        }
    }
    return ScriptDialect::insertion(directives, field, native);
}

QString LsfDialect::directiveLine(JobField field, const QString &native) const
{
    switch (field) {
    case JobField::Name: return prefix() + QStringLiteral(" -J ") + quoteWord(native);
    case JobField::Array: return prefix() + QStringLiteral(" -J \"job[") + native + QStringLiteral("]\"");
    case JobField::Partition: return prefix() + QStringLiteral(" -q ") + quoteWord(native);
    case JobField::Account: return prefix() + QStringLiteral(" -P ") + quoteWord(native);
    case JobField::TimeLimit: return prefix() + QStringLiteral(" -W ") + native;
    case JobField::Tasks: return prefix() + QStringLiteral(" -n ") + native;
    case JobField::MemoryPerCpu: return prefix() + QStringLiteral(" -R \"rusage[mem=") + native + QStringLiteral("]\"");
    case JobField::Nodes: return prefix() + QStringLiteral(" -R \"span[hosts=") + native + QStringLiteral("]\"");
    case JobField::Gpus: return prefix() + QStringLiteral(" -gpu \"num=") + native + QStringLiteral("\"");
    case JobField::Output: return prefix() + QStringLiteral(" -o ") + quoteWord(native);
    case JobField::Error: return prefix() + QStringLiteral(" -e ") + quoteWord(native);
    case JobField::WorkDirectory: return prefix() + QStringLiteral(" -cwd ") + quoteWord(native);
    case JobField::Dependency: return prefix() + QStringLiteral(" -w ") + quoteWord(native);
    case JobField::MailUser: return prefix() + QStringLiteral(" -u ") + quoteWord(native);
    case JobField::Exclusive: return prefix() + QStringLiteral(" -x");
    default: return {};
    }
}

} // namespace app
