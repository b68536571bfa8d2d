// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/config/SshConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace sshcore {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(sshcore::SshConfig)
};

} // namespace

namespace {

constexpr int maxIncludeDepth = 16;

// ssh_config's word splitting: whitespace separates, double quotes group, '=' may follow the keyword.
QStringList splitWords(const QString &line, bool *unbalanced)
{
    QStringList words;
    QString word;
    bool inQuotes = false;
    bool haveWord = false;
    *unbalanced = false;
    for (const QChar c : line) {
        if (c == u'"') {
            inQuotes = !inQuotes;
            haveWord = true;
        } else if (!inQuotes && (c == u' ' || c == u'\t')) {
            if (haveWord)
                words.append(word);
            word.clear();
            haveWord = false;
        } else {
            word += c;
            haveWord = true;
        }
    }
    if (haveWord)
        words.append(word);
    *unbalanced = inQuotes;
    return words;
}

QString homePath()
{
    return QDir::homePath();
}

QString expandTilde(const QString &path)
{
    if (path == u"~")
        return homePath();
    if (path.startsWith(u"~/"))
        return homePath() + path.mid(1);
    return path;
}

std::optional<int> toSeconds(const QString &value)
{
    bool ok = false;
    const int seconds = value.toInt(&ok);
    return ok && seconds >= 0 ? std::optional<int>(seconds) : std::nullopt;
}

} // namespace

bool sshWildcardMatch(QStringView pattern, QStringView text, Qt::CaseSensitivity sensitivity)
{
    // Iterative glob with '*' and '?', backtracking to the last star.
    const auto same = [sensitivity](QChar a, QChar b) {
        return sensitivity == Qt::CaseSensitive ? a == b : a.toLower() == b.toLower();
    };
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == u'?' || same(pattern[p], text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == u'*') {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == u'*')
        ++p;
    return p == pattern.size();
}

bool sshHostMatches(const QString &host, const QStringList &patterns)
{
    bool matched = false;
    for (const QString &pattern : patterns) {
        for (const QString &single : pattern.split(u',', Qt::SkipEmptyParts)) {
            if (single.startsWith(u'!')) {
                if (sshWildcardMatch(QStringView(single).sliced(1), host, Qt::CaseInsensitive))
                    return false;
            } else if (sshWildcardMatch(single, host, Qt::CaseInsensitive)) {
                matched = true;
            }
        }
    }
    return matched;
}

SshConfig SshConfig::parse(QByteArrayView text, const QString &origin)
{
    SshConfig config;
    QStringList patterns;
    bool matchAll = true;
    config.parseInto(text, origin, false, 0, &patterns, &matchAll);
    return config;
}

Result<SshConfig> SshConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Tr::tr("Cannot read the SSH configuration %1: %2.")
                           .arg(QDir::toNativeSeparators(path), file.errorString()));
    SshConfig config;
    QStringList patterns;
    bool matchAll = true;
    config.parseInto(file.readAll(), path, true, 0, &patterns, &matchAll);
    return config;
}

SshConfig SshConfig::loadUserConfig()
{
    const QString path = homePath() + QStringLiteral("/.ssh/config");
    if (!QFile::exists(path))
        return {};
    auto config = load(path);
    if (!config) {
        SshConfig empty;
        empty.m_problems.append({path, 0, config.error().message});
        return empty;
    }
    return *config;
}

void SshConfig::parseInto(QByteArrayView text, const QString &origin, bool followIncludes, int depth,
                          QStringList *patterns, bool *matchAll)
{
    const QString content = QString::fromUtf8(text);
    int lineNumber = 0;
    for (QStringView rawLine : QStringView(content).split(u'\n')) {
        ++lineNumber;
        QString line = rawLine.trimmed().toString();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        // "Keyword=value", "Keyword = value" and "Keyword value" are all valid.
        const qsizetype equals = line.indexOf(u'=');
        const qsizetype space = line.indexOf(QRegularExpression(QStringLiteral("[ \\t]")));
        if (equals > 0 && (space < 0 || equals < space || line.mid(space, equals - space).trimmed().isEmpty()))
            line[equals] = u' ';
        bool unbalanced = false;
        QStringList words = splitWords(line, &unbalanced);
        if (unbalanced) {
            m_problems.append({origin, lineNumber, QStringLiteral("unbalanced quotes; line ignored")});
            continue;
        }
        if (words.isEmpty())
            continue;
        const QString keyword = words.takeFirst().toLower();
        if (keyword == u"host") {
            *patterns = words;
            *matchAll = true;
            if (words.isEmpty())
                m_problems.append({origin, lineNumber, QStringLiteral("Host without patterns")});
            continue;
        }
        if (keyword == u"match") {
            // Only "Match all" can be evaluated without running commands or knowing the network.
            *patterns = {QStringLiteral("*")};
            *matchAll = words.size() == 1 && words.first().compare(u"all", Qt::CaseInsensitive) == 0;
            if (!*matchAll)
                m_problems.append(
                    {origin, lineNumber,
                     QStringLiteral("Match %1 is not supported; its block is ignored").arg(words.join(u' '))});
            continue;
        }
        if (keyword == u"include") {
            if (!followIncludes)
                continue;
            if (depth >= maxIncludeDepth) {
                m_problems.append({origin, lineNumber, QStringLiteral("Include nested too deeply")});
                continue;
            }
            for (const QString &word : std::as_const(words)) {
                QString pattern = expandTilde(word);
                if (QDir::isRelativePath(pattern))
                    pattern = homePath() + QStringLiteral("/.ssh/") + pattern;
                const QFileInfo info(pattern);
                QDir dir = info.dir();
                const QStringList matches = dir.entryList({info.fileName()}, QDir::Files, QDir::Name);
                for (const QString &match : matches) {
                    QFile file(dir.filePath(match));
                    if (!file.open(QIODevice::ReadOnly)) {
                        m_problems.append(
                            {origin, lineNumber, QStringLiteral("cannot read included %1").arg(file.fileName())});
                        continue;
                    }
                    // An included file starts in the including block and may open its own.
                    QStringList innerPatterns = *patterns;
                    bool innerMatchAll = *matchAll;
                    parseInto(file.readAll(), file.fileName(), true, depth + 1, &innerPatterns, &innerMatchAll);
                }
            }
            continue;
        }
        m_entries.append({*patterns, *matchAll, keyword, words});
    }
}

SshHostConfig SshConfig::resolve(const QString &alias, const QString &localUser) const
{
    SshHostConfig result;
    result.alias = alias;
    QStringList seen;
    const auto first = [&seen](const QString &keyword) {
        if (seen.contains(keyword))
            return false;
        seen.append(keyword);
        return true;
    };
    QStringList rawIdentityFiles;
    QStringList rawKnownHosts;
    for (const Entry &entry : m_entries) {
        if (!entry.matchAll || entry.arguments.isEmpty())
            continue;
        if (!entry.patterns.isEmpty() && !sshHostMatches(alias, entry.patterns))
            continue;
        const QString &value = entry.arguments.first();
        const QString &k = entry.keyword;
        if (k == u"identityfile") {
            rawIdentityFiles.append(value); // accumulates
        } else if (!first(k)) {
            continue;
        } else if (k == u"hostname") {
            result.hostName = value;
        } else if (k == u"user") {
            result.user = value;
        } else if (k == u"port") {
            bool ok = false;
            const uint port = value.toUInt(&ok);
            if (ok && port > 0 && port < 65536)
                result.port = quint16(port);
        } else if (k == u"identitiesonly") {
            result.identitiesOnly = value.compare(u"yes", Qt::CaseInsensitive) == 0;
        } else if (k == u"proxyjump") {
            if (value.compare(u"none", Qt::CaseInsensitive) != 0)
                result.proxyJump = value.split(u',', Qt::SkipEmptyParts);
        } else if (k == u"connecttimeout") {
            result.connectTimeoutSeconds = toSeconds(value);
        } else if (k == u"serveraliveinterval") {
            result.serverAliveIntervalSeconds = toSeconds(value);
        } else if (k == u"serveralivecountmax") {
            result.serverAliveCountMax = toSeconds(value);
        } else if (k == u"userknownhostsfile") {
            rawKnownHosts = entry.arguments;
        } else if (k == u"ciphers") {
            result.algorithms.ciphers = value;
        } else if (k == u"macs") {
            result.algorithms.macs = value;
        } else if (k == u"kexalgorithms") {
            result.algorithms.kexAlgorithms = value;
        } else if (k == u"hostkeyalgorithms") {
            result.algorithms.hostKeyAlgorithms = value;
        } else if (k == u"stricthostkeychecking") {
            const QString v = value.toLower();
            if (v == u"yes")
                result.strictHostKeyChecking = StrictHostKeyChecking::Yes;
            else if (v == u"no" || v == u"off")
                result.strictHostKeyChecking = StrictHostKeyChecking::No;
            else if (v == u"accept-new")
                result.strictHostKeyChecking = StrictHostKeyChecking::AcceptNew;
            else if (v == u"ask")
                result.strictHostKeyChecking = StrictHostKeyChecking::Ask;
        }
    }
    if (result.hostName.isEmpty())
        result.hostName = alias;
    else
        result.hostName.replace(QStringLiteral("%h"), alias);

    // ssh_config(5) TOKENS for IdentityFile and UserKnownHostsFile.
    const QString remoteUser = result.user.isEmpty() ? localUser : result.user;
    const QString port = QString::number(result.port.value_or(22));
    const auto expand = [&](const QString &raw) {
        QString out;
        const QString path = expandTilde(raw);
        for (qsizetype i = 0; i < path.size(); ++i) {
            if (path[i] != u'%' || i + 1 == path.size()) {
                out += path[i];
                continue;
            }
            switch (path[++i].unicode()) {
            case '%': out += u'%'; break;
            case 'd': out += homePath(); break;
            case 'h': out += result.hostName; break;
            case 'n': out += alias; break;
            case 'p': out += port; break;
            case 'r': out += remoteUser; break;
            case 'u': out += localUser; break;
            default:
                out += u'%';
                out += path[i];
                break;
            }
        }
        return out;
    };
    for (const QString &raw : std::as_const(rawIdentityFiles))
        result.identityFiles.append(expand(raw));
    for (const QString &raw : std::as_const(rawKnownHosts)) {
        if (raw.compare(u"none", Qt::CaseInsensitive) != 0)
            result.userKnownHostsFiles.append(expand(raw));
    }
    return result;
}

QStringList SshConfig::concreteHosts() const
{
    QStringList hosts;
    for (const Entry &entry : m_entries) {
        for (const QString &pattern : entry.patterns) {
            for (const QString &single : pattern.split(u',', Qt::SkipEmptyParts)) {
                if (single.contains(u'*') || single.contains(u'?') || single.startsWith(u'!'))
                    continue;
                if (!hosts.contains(single))
                    hosts.append(single);
            }
        }
    }
    return hosts;
}

} // namespace sshcore
