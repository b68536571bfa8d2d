// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jobscripts/JobScript.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using sshcore::failure;
using sshcore::Result;

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JobScript)
};

// First word of a shell line, and the rest.
std::pair<QString, QString> firstWord(const QString &line)
{
    const QString trimmed = line.trimmed();
    const qsizetype space = trimmed.indexOf(QRegularExpression(QStringLiteral("\\s")));
    if (space < 0)
        return {trimmed, QString()};
    return {trimmed.left(space), trimmed.mid(space + 1).trimmed()};
}

bool isEnvironmentLine(const QString &line)
{
    const auto [word, rest] = firstWord(line);
    if (word == u"module" || word == u"ml" || word == u"export" || word == u"conda" || word == u"mamba"
        || word == u"micromamba" || word == u"unset")
        return true;
    if (word == u"source" || word == u".")
        return rest.contains(u"activate") || rest.contains(u"conda.sh") || rest.contains(u"/etc/profile")
               || rest.contains(u"env");
    if (word == u"eval")
        return rest.contains(u"conda") || rest.contains(u"mamba") || rest.contains(u"module");
    return false;
}

} // namespace

JobScript::JobScript()
    : m_dialect(ScriptDialect::create(Profile::Scheduler::Slurm))
{}

JobScript JobScript::parse(const QString &text, Profile::Scheduler scheduler)
{
    if (scheduler == Profile::Scheduler::Unknown || scheduler == Profile::Scheduler::None) {
        scheduler = ScriptDialect::detect(text);
        if (scheduler == Profile::Scheduler::Unknown)
            scheduler = Profile::Scheduler::Slurm;
    }
    JobScript script;
    script.m_dialect = ScriptDialect::create(scheduler);
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype newline = text.indexOf(u'\n', start);
        Line line;
        if (newline < 0) {
            line.text = text.mid(start);
            start = text.size();
        } else {
            line.text = text.mid(start, newline - start);
            line.ending = QStringLiteral("\n");
            if (line.text.endsWith(u'\r')) {
                line.text.chop(1);
                line.ending = QStringLiteral("\r\n");
            }
            start = newline + 1;
        }
        script.m_lines.append(line);
    }
    script.classify();
    return script;
}

void JobScript::classify()
{
    // The scheduler reads directives up to the first command; later ones are plain comments to it.
    bool inHeader = true;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        Line &line = m_lines[i];
        const QString trimmed = line.text.trimmed();
        if (i == 0 && line.text.startsWith(u"#!"))
            line.kind = LineKind::Shebang;
        else if (trimmed.isEmpty())
            line.kind = LineKind::Blank;
        else if (m_dialect->isDirective(line.text))
            line.kind = inHeader ? LineKind::Directive : LineKind::IgnoredDirective;
        else if (trimmed.startsWith(u'#'))
            line.kind = LineKind::Comment;
        else {
            inHeader = false;
            line.kind = isEnvironmentLine(line.text) ? LineKind::Environment : LineKind::Command;
        }
    }
}

QString JobScript::text() const
{
    QString text;
    for (const Line &line : m_lines)
        text += line.text + line.ending;
    return text;
}

Profile::Scheduler JobScript::scheduler() const
{
    return m_dialect->scheduler();
}

QList<std::pair<int, QString>> JobScript::directives() const
{
    QList<std::pair<int, QString>> result;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].kind == LineKind::Directive)
            result.append({int(i), m_lines[i].text});
    }
    return result;
}

std::optional<JobScript::FieldValue> JobScript::field(JobField field) const
{
    std::optional<FieldValue> found;
    // The last occurrence wins, as with the schedulers' own option parsing.
    for (const auto &[index, text] : directives()) {
        for (const FieldSpot &spot : m_dialect->spots(text)) {
            if (spot.field == field)
                found = FieldValue{spot.native, m_dialect->toCanonical(field, spot.native), index};
        }
    }
    return found;
}

QString JobScript::value(JobField fieldName) const
{
    const auto found = field(fieldName);
    if (!found)
        return {};
    return found->canonical.value_or(found->native);
}

Result<void> JobScript::setValue(JobField field, const QString &value)
{
    const QList<std::pair<int, QString>> lines = directives();
    if (value.isEmpty()) {
        // Drop every occurrence (an earlier one would take over), last first so spans stay valid.
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            const int index = it->first;
            QString text = it->second;
            QList<FieldSpot> spots = m_dialect->spots(text);
            std::ranges::sort(spots, std::greater<>(), &FieldSpot::removeStart);
            bool changed = false;
            for (const FieldSpot &spot : spots) {
                if (spot.field != field)
                    continue;
                text.replace(spot.removeStart, spot.removeEnd - spot.removeStart, spot.removedText);
                changed = true;
            }
            if (!changed)
                continue;
            if (m_dialect->tokens(text).isEmpty() && text.indexOf(u'#', m_dialect->prefix().size()) < 0)
                m_lines.removeAt(index);
            else
                m_lines[index].text = text;
        }
        return {};
    }
    const auto native = m_dialect->toNative(field, value);
    if (!native) {
        return failure(
            Tr::tr("%1 has no directive for \"%2\".").arg(Profile::schedulerName(scheduler()), jobFieldName(field)));
    }
    // Change the last occurrence in place.
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        QList<FieldSpot> spots = m_dialect->spots(it->second);
        for (auto spot = spots.crbegin(); spot != spots.crend(); ++spot) {
            if (spot->field != field)
                continue;
            // The same value (in any spelling) stays as written, quotes and all.
            if (spot->flagOnly || spot->native == *native || m_dialect->toCanonical(field, spot->native) == value)
                return {};
            QString &line = m_lines[it->first].text;
            QString written = *native;
            if (spot->wholeWord) {
                // Keep the user's quotes if the value had them.
                const bool wasQuoted = line[spot->valueStart] == u'"' || line[spot->valueStart] == u'\'';
                written = ScriptDialect::quoteWord(*native, wasQuoted);
            }
            line.replace(spot->valueStart, spot->valueEnd - spot->valueStart, spot->writePrefix + written);
            return {};
        }
    }
    const FieldInsertion insertion = m_dialect->insertion(lines, field, *native);
    if (insertion.line >= 0) {
        m_lines[insertion.line].text.insert(insertion.position, insertion.text);
        return {};
    }
    if (insertion.text.isEmpty()) {
        return failure(
            Tr::tr("%1 has no directive for \"%2\".").arg(Profile::schedulerName(scheduler()), jobFieldName(field)));
    }
    insertLine(insertionLine(), insertion.text, LineKind::Directive);
    return {};
}

int JobScript::insertionLine() const
{
    // After the last directive; else after the shebang and the comments right below it.
    int after = -1;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].kind == LineKind::Directive)
            after = int(i);
    }
    if (after >= 0)
        return after + 1;
    int index = 0;
    while (index < m_lines.size()
           && (m_lines[index].kind == LineKind::Shebang || m_lines[index].kind == LineKind::Comment))
        ++index;
    return index;
}

QString JobScript::defaultEnding() const
{
    for (const Line &line : m_lines) {
        if (!line.ending.isEmpty())
            return line.ending;
    }
    return QStringLiteral("\n");
}

void JobScript::insertLine(int index, const QString &text, LineKind kind)
{
    Line line{text, defaultEnding(), kind};
    if (index >= m_lines.size() && !m_lines.isEmpty() && m_lines.back().ending.isEmpty()) {
        // The script ended without a newline: the old last line gets one, the new one keeps none.
        m_lines.back().ending = line.ending;
        line.ending.clear();
    }
    m_lines.insert(index, line);
}

JobScript::Environment JobScript::environment() const
{
    Environment environment;
    for (const Line &line : m_lines) {
        if (line.kind != LineKind::Environment && line.kind != LineKind::Command)
            continue;
        const auto [word, rest] = firstWord(line.text);
        const QStringList args = rest.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if ((word == u"module" || word == u"ml") && !args.isEmpty()) {
            const QString &action = args.front();
            if (action == u"purge") {
                environment.purgesModules = true;
            } else if (action == u"load" || action == u"add") {
                for (const QString &module : args.mid(1))
                    if (!module.startsWith(u'-'))
                        environment.modules.append(module);
            } else if (word == u"ml" && !action.startsWith(u'-') && action != u"unload" && action != u"list") {
                environment.modules.append(args);
            }
        } else if ((word == u"conda" || word == u"mamba" || word == u"micromamba" || word == u"source")
                   && args.size() >= 2 && args[0] == u"activate") {
            environment.conda = args[1];
        } else if ((word == u"source" || word == u".") && !args.isEmpty() && args[0].endsWith(u"/bin/activate")) {
            environment.virtualEnv = args[0].chopped(int(QStringView(u"/bin/activate").size()));
        } else if ((word == u"apptainer" || word == u"singularity") && args.size() >= 2) {
            for (const QString &arg : args.mid(1)) {
                if (arg.endsWith(u".sif") || arg.startsWith(u"docker://") || arg.endsWith(u".simg")) {
                    environment.container = arg;
                    break;
                }
            }
        }
    }
    return environment;
}

void JobScript::addModule(const QString &module)
{
    if (environment().modules.contains(module))
        return;
    int after = -1;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines[i].kind == LineKind::Environment)
            after = int(i);
        else if (m_lines[i].kind == LineKind::Command)
            break;
    }
    insertLine(after >= 0 ? after + 1 : insertionLine(), QStringLiteral("module load ") + module,
               LineKind::Environment);
}

void JobScript::removeModule(const QString &module)
{
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        Line &line = m_lines[i];
        if (line.kind != LineKind::Environment)
            continue;
        const auto [word, rest] = firstWord(line.text);
        QStringList args = rest.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        const bool loads = (word == u"module" && !args.isEmpty() && (args[0] == u"load" || args[0] == u"add"))
                           || (word == u"ml" && !args.isEmpty());
        if (!loads || !args.contains(module))
            continue;
        args.removeAll(module);
        const bool empty = word == u"module" ? args.size() <= 1 : args.isEmpty();
        if (empty) {
            m_lines.removeAt(i);
        } else {
            const qsizetype indent = line.text.indexOf(word);
            line.text = line.text.left(indent) + word + u' ' + args.join(u' ');
        }
    }
}

} // namespace app
