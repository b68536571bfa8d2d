// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobs/OutputPatterns.h"

namespace app {

namespace {

// What slurmstepd prints where a number is missing (NO_VAL): %a of a job that is not an array.
constexpr QStringView NoValue = u"4294967294";
// Slurm pads numbers to at most this many digits.
constexpr int MaxWidth = 10;

bool isNumber(QStringView text)
{
    return !text.isEmpty() && std::ranges::all_of(text, [](QChar c) { return c.isDigit(); });
}

QString padded(QStringView number, int width)
{
    return number.size() >= width ? number.toString() : QString(width - number.size(), u'0') + number;
}

} // namespace

OutputPatterns::Facts OutputPatterns::factsOf(const Job &job)
{
    Facts facts;
    facts.jobId = job.arrayJobId.isEmpty() ? job.id : QString();
    facts.arrayJobId = job.arrayJobId;
    facts.arrayTaskId = job.arrayTaskId;
    facts.name = job.name;
    facts.user = job.user;
    facts.nodeList = job.nodeList;
    facts.workDirectory = job.workDirectory;
    return facts;
}

QString OutputPatterns::slurmDefaultPattern(bool arrayJob)
{
    return arrayJob ? QStringLiteral("slurm-%A_%a.out") : QStringLiteral("slurm-%j.out");
}

std::optional<QString> OutputPatterns::slurmPath(const Facts &job, QStringView pattern)
{
    const QString fallback = slurmDefaultPattern(!job.arrayJobId.isEmpty());
    const std::optional<QString> name = expandSlurm(pattern.isEmpty() ? QStringView(fallback) : pattern, job);
    if (!name || name->startsWith(u'/'))
        return name;
    if (job.workDirectory.isEmpty())
        return std::nullopt;
    if (job.workDirectory.endsWith(u'/'))
        return QString(job.workDirectory + *name);
    return QString(job.workDirectory + u'/' + *name);
}

std::optional<QString> OutputPatterns::expandSlurm(QStringView pattern, const Facts &job)
{
    if (pattern.contains(u'\\')) {
        // Escaped: no expansion; "\\" stands for one backslash, a single one goes.
        QString plain;
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            if (pattern[i] != u'\\')
                plain += pattern[i];
            else if (i + 1 < pattern.size() && pattern[i + 1] == u'\\')
                plain += pattern[++i];
        }
        return plain;
    }

    const QString arrayJob = job.arrayJobId.isEmpty() ? job.jobId : job.arrayJobId;
    const QStringView task = job.arrayJobId.isEmpty() ? NoValue : QStringView(job.arrayTaskId);
    QString out;
    out.reserve(pattern.size() + 32);
    qsizetype i = 0;
    while (i < pattern.size()) {
        if (pattern[i] != u'%') {
            out += pattern[i++];
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == u'%') {
            out += u'%';
            i += 2;
            continue;
        }
        qsizetype at = i + 1;
        int width = 0;
        while (at < pattern.size() && pattern[at].isDigit())
            width = std::min(width * 10 + pattern[at++].digitValue(), MaxWidth);
        if (at == pattern.size()) {
            out += pattern.sliced(i);
            break;
        }
        // A number, padded; nothing when it is not known.
        const auto number = [&](QStringView value) {
            if (!isNumber(value))
                return false;
            out += padded(value, width);
            return true;
        };
        bool known = true;
        switch (pattern[at].unicode()) {
        case u'j':
        case u'J': known = number(job.jobId); break; // the batch step adds no ".step"
        case u'A': known = number(arrayJob); break;
        case u'a': known = number(task); break;
        case u'b': known = isNumber(task) && number(task.last(1)); break; // modulo 10
        case u's': out += u"batch"; break;
        case u'n':
        case u't': known = number(u"0"); break; // the batch script is task 0 on the first node
        case u'x': out += job.name; break;
        case u'u':
            known = !job.user.isEmpty();
            out += job.user;
            break;
        case u'N': {
            // slurmd's host name; the node's name in the listing is the best guess from here.
            const QString node = firstNode(job.nodeList);
            known = !node.isEmpty();
            out += node;
            break;
        }
        default: out += pattern.sliced(i, at + 1 - i); break; // not a pattern: kept as written
        }
        if (!known)
            return std::nullopt;
        i = at + 1;
    }
    return out;
}

QString OutputPatterns::firstNode(QStringView nodeList)
{
    // The first entry: up to a comma outside brackets.
    qsizetype end = 0;
    int depth = 0;
    while (end < nodeList.size() && (depth > 0 || nodeList[end] != u',')) {
        if (nodeList[end] == u'[')
            ++depth;
        else if (nodeList[end] == u']')
            --depth;
        ++end;
    }
    const QStringView entry = nodeList.first(end).trimmed();
    const qsizetype open = entry.indexOf(u'[');
    if (open < 0)
        return entry.toString();
    // "node[01-04,07]" → the prefix and the first number of the range, as written (zero padded).
    qsizetype numberEnd = open + 1;
    while (numberEnd < entry.size() && entry[numberEnd].isDigit())
        ++numberEnd;
    const qsizetype close = entry.indexOf(u']', open);
    const QStringView suffix = close < 0 ? QStringView() : entry.sliced(close + 1);
    return entry.first(open) + entry.sliced(open + 1, numberEnd - open - 1) + suffix;
}

} // namespace app
