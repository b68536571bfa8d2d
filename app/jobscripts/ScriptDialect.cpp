// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/ScriptDialect.h"

#include "app/jobscripts/GridEngineDialect.h"
#include "app/jobscripts/LsfDialect.h"
#include "app/jobscripts/PbsDialect.h"
#include "app/jobscripts/SlurmDialect.h"
#include "app/schedulers/ResourceUnits.h"

namespace app {

bool ScriptDialect::isDirective(QStringView line) const
{
    const QString p = prefix();
    if (!line.startsWith(p))
        return false;
    return line.size() == p.size() || line[p.size()].isSpace();
}

QList<DirectiveToken> ScriptDialect::tokens(QStringView line) const
{
    QList<DirectiveToken> result;
    qsizetype i = prefix().size();
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && line[i].isSpace())
            ++i;
        if (i >= n || line[i] == u'#')
            break; // a trailing comment
        DirectiveToken token;
        token.start = i;
        QChar quote;
        while (i < n) {
            const QChar c = line[i];
            if (!quote.isNull()) {
                if (c == quote) {
                    quote = QChar();
                } else if (c == u'\\' && quote == u'"' && i + 1 < n && (line[i + 1] == u'"' || line[i + 1] == u'\\')) {
                    token.text += line[++i];
                } else {
                    token.text += c;
                }
            } else if (c.isSpace()) {
                break;
            } else if (c == u'"' || c == u'\'') {
                quote = c;
            } else if (c == u'\\' && i + 1 < n) {
                token.text += line[++i];
            } else {
                token.text += c;
            }
            ++i;
        }
        token.end = i;
        result.append(token);
    }
    return result;
}

int ScriptDialect::valueWords(QStringView) const
{
    return 1;
}

QList<DirectiveOption> ScriptDialect::options(QStringView line) const
{
    const QList<DirectiveToken> words = tokens(line);
    QList<DirectiveOption> result;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const DirectiveToken &word = words[i];
        DirectiveOption option;
        option.start = word.start;
        option.end = word.end;
        if (!word.text.startsWith(u'-') || word.text.size() < 2) {
            option.value = word.text; // a word no option owns
            option.hasValue = true;
            option.valueStart = word.start;
            option.valueEnd = word.end;
            result.append(option);
            continue;
        }
        const bool isLong = word.text.startsWith(u"--");
        const qsizetype equals = isLong ? word.text.indexOf(u'=') : -1;
        if (equals > 0) {
            option.flag = word.text.left(equals);
            option.value = word.text.mid(equals + 1);
            option.hasValue = true;
            // The value's place in the line: after the first '=' of the written word.
            const qsizetype written = line.mid(word.start, word.end - word.start).indexOf(u'=');
            option.valueStart = word.start + written + 1;
            option.valueEnd = word.end;
            result.append(option);
            continue;
        }
        option.flag = word.text;
        const bool known = valueFlags().contains(word.text) || bareFlags().contains(word.text);
        const bool nextIsWord = i + 1 < words.size() && !words[i + 1].text.startsWith(u'-');
        if (!known && !isLong && word.text.size() > 2 && valueFlags().contains(word.text.left(2))) {
            // "-t60", "-NJobName"
            option.flag = word.text.left(2);
            option.value = word.text.mid(2);
            option.hasValue = true;
            option.valueStart = word.start + 2;
            option.valueEnd = word.end;
        } else if (i + 1 < words.size() && !bareFlags().contains(word.text)
                   && (valueFlags().contains(word.text) || nextIsWord)) {
            const int count = std::min<qsizetype>(valueWords(word.text), words.size() - 1 - i);
            QStringList values;
            for (int k = 1; k <= count; ++k)
                values.append(words[i + k].text);
            option.value = values.join(u' ');
            option.hasValue = true;
            option.valueStart = words[i + 1].start;
            option.valueEnd = words[i + count].end;
            option.end = option.valueEnd;
            i += count;
        }
        result.append(option);
    }
    return result;
}

std::optional<QString> ScriptDialect::toCanonical(JobField, const QString &native) const
{
    return native;
}

std::optional<QString> ScriptDialect::toNative(JobField, const QString &canonical) const
{
    return canonical;
}

FieldInsertion ScriptDialect::insertion(const QList<std::pair<int, QString>> &, JobField field,
                                        const QString &native) const
{
    return {-1, 0, directiveLine(field, native)};
}

QString ScriptDialect::quoteWord(const QString &word, bool always)
{
    const bool plain = !word.isEmpty() && std::ranges::none_of(word, [](QChar c) {
        return c.isSpace() || c == u'"' || c == u'\'' || c == u'\\' || c == u'#';
    });
    if (plain && !always)
        return word;
    QString quoted = word;
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    quoted.replace(u'"', QStringLiteral("\\\""));
    return u'"' + quoted + u'"';
}

void ScriptDialect::addWholeValueSpots(QStringView line, const QList<DirectiveOption> &options,
                                       const QHash<QString, JobField> &flags, QList<FieldSpot> *spots) const
{
    for (const DirectiveOption &option : options) {
        if (option.flag.isEmpty())
            continue;
        const auto field = flags.constFind(option.flag);
        if (field == flags.cend())
            continue;
        FieldSpot spot;
        spot.field = *field;
        const auto [removeStart, removeEnd] = optionRemoval(line, option);
        spot.removeStart = removeStart;
        spot.removeEnd = removeEnd;
        if (option.hasValue) {
            spot.native = option.value;
            spot.valueStart = option.valueStart;
            spot.valueEnd = option.valueEnd;
        } else {
            spot.native = QStringLiteral("yes");
            spot.flagOnly = true;
            spot.valueStart = spot.valueEnd = option.end;
        }
        spots->append(spot);
    }
}

std::pair<qsizetype, qsizetype> ScriptDialect::unquotedRange(QStringView line, const DirectiveOption &option)
{
    qsizetype start = option.valueStart;
    qsizetype end = option.valueEnd;
    if (end - start >= 2 && (line[start] == u'"' || line[start] == u'\'') && line[end - 1] == line[start]) {
        ++start;
        --end;
    }
    return {start, end};
}

QString ScriptDialect::mailEventsFromLetters(const QString &letters)
{
    QStringList events;
    if (letters.contains(u'b'))
        events.append(QStringLiteral("BEGIN"));
    if (letters.contains(u'e'))
        events.append(QStringLiteral("END"));
    if (letters.contains(u'a'))
        events.append(QStringLiteral("FAIL"));
    return events.isEmpty() ? QStringLiteral("NONE") : events.join(u',');
}

QString ScriptDialect::mailLettersFromEvents(const QString &events)
{
    QString letters;
    const QStringList words = events.toUpper().split(u',');
    const bool all = words.contains(u"ALL");
    if (all || words.contains(u"BEGIN"))
        letters += u'b';
    if (all || words.contains(u"END"))
        letters += u'e';
    if (all || words.contains(u"FAIL"))
        letters += u'a';
    return letters.isEmpty() ? QStringLiteral("n") : letters;
}

std::optional<QString> ScriptDialect::timeFromSecondsOrClock(const QString &native)
{
    bool isSeconds = false;
    const qint64 seconds = native.toLongLong(&isSeconds);
    if (isSeconds)
        return units::formatDuration(seconds);
    const auto parsed = units::parseDurationSeconds(native);
    return parsed ? std::optional<QString>(units::formatDuration(*parsed)) : std::nullopt;
}

std::optional<QString> ScriptDialect::clockFromTime(const QString &canonical)
{
    const auto seconds = units::parseDurationSeconds(canonical);
    if (!seconds)
        return std::nullopt;
    return QStringLiteral("%1:%2:%3")
        .arg(*seconds / 3600, 2, 10, QLatin1Char('0'))
        .arg(*seconds % 3600 / 60, 2, 10, QLatin1Char('0'))
        .arg(*seconds % 60, 2, 10, QLatin1Char('0'));
}

std::pair<qsizetype, qsizetype> ScriptDialect::optionRemoval(QStringView line, const DirectiveOption &option)
{
    qsizetype start = option.start;
    while (start > 0 && (line[start - 1] == u' ' || line[start - 1] == u'\t'))
        --start;
    return {start, option.end};
}

void ScriptDialect::addListSpots(QStringView line, qsizetype from, qsizetype to, QChar separator,
                                 const QHash<QString, JobField> &keys, QList<FieldSpot> *spots)
{
    qsizetype entryStart = from;
    while (entryStart <= to) {
        qsizetype entryEnd = entryStart;
        int depth = 0;
        while (entryEnd < to && (line[entryEnd] != separator || depth > 0)) {
            if (line[entryEnd] == u'[')
                ++depth;
            else if (line[entryEnd] == u']')
                --depth;
            ++entryEnd;
        }
        const QStringView entry = line.mid(entryStart, entryEnd - entryStart);
        const qsizetype equals = entry.indexOf(u'=');
        if (equals > 0) {
            const auto field = keys.constFind(entry.left(equals).trimmed().toString());
            if (field != keys.cend()) {
                FieldSpot spot;
                spot.field = *field;
                spot.valueStart = entryStart + equals + 1;
                spot.valueEnd = entryEnd;
                spot.native = line.mid(spot.valueStart, spot.valueEnd - spot.valueStart).toString();
                spot.wholeWord = false;
                // Drop the entry with the separator before it, or after it when it is the first.
                if (entryStart > from) {
                    spot.removeStart = entryStart - 1;
                    spot.removeEnd = entryEnd;
                } else {
                    spot.removeStart = entryStart;
                    spot.removeEnd = entryEnd < to ? entryEnd + 1 : entryEnd;
                }
                spots->append(spot);
            }
        }
        entryStart = entryEnd + 1;
    }
}

std::unique_ptr<ScriptDialect> ScriptDialect::create(Profile::Scheduler scheduler)
{
    switch (scheduler) {
    case Profile::Scheduler::Slurm: return std::make_unique<SlurmDialect>();
    case Profile::Scheduler::Pbs: return std::make_unique<PbsDialect>();
    case Profile::Scheduler::Lsf: return std::make_unique<LsfDialect>();
    case Profile::Scheduler::GridEngine: return std::make_unique<GridEngineDialect>();
    case Profile::Scheduler::Unknown:
    case Profile::Scheduler::None: return nullptr;
    }
    return nullptr;
}

Profile::Scheduler ScriptDialect::detect(QStringView script)
{
    const Profile::Scheduler kinds[] = {Profile::Scheduler::Slurm, Profile::Scheduler::Pbs, Profile::Scheduler::Lsf,
                                        Profile::Scheduler::GridEngine};
    Profile::Scheduler best = Profile::Scheduler::Unknown;
    int bestCount = 0;
    for (Profile::Scheduler kind : kinds) {
        const auto dialect = create(kind);
        int count = 0;
        for (QStringView line : script.split(u'\n')) {
            if (dialect->isDirective(line))
                ++count;
        }
        if (count > bestCount) {
            best = kind;
            bestCount = count;
        }
    }
    return best;
}

} // namespace app
