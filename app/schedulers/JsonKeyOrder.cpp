// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/schedulers/JsonKeyOrder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace app {

namespace {

class Walker
{
public:
    explicit Walker(QByteArrayView json)
        : m_json(json)
    {}

    void skipSpace()
    {
        while (m_at < m_json.size()
               && (m_json[m_at] == ' ' || m_json[m_at] == '\n' || m_json[m_at] == '\r' || m_json[m_at] == '\t'))
            ++m_at;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_at < m_json.size() && m_json[m_at] == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    bool peek(char c)
    {
        skipSpace();
        return m_at < m_json.size() && m_json[m_at] == c;
    }

    // At a '"': the string, unescaped.
    std::optional<QString> string()
    {
        if (!peek('"'))
            return std::nullopt;
        const qsizetype start = m_at++;
        bool escaped = false;
        while (m_at < m_json.size() && m_json[m_at] != '"') {
            if (m_json[m_at] == '\\') {
                escaped = true;
                ++m_at;
            }
            ++m_at;
        }
        if (m_at >= m_json.size())
            return std::nullopt;
        ++m_at;
        const QByteArrayView raw = m_json.sliced(start, m_at - start);
        if (!escaped)
            return QString::fromUtf8(raw.sliced(1, raw.size() - 2));
        const QJsonDocument decoded = QJsonDocument::fromJson("[" + raw.toByteArray() + "]");
        return decoded.array().at(0).toString();
    }

    // Past one value of any kind.
    bool skipValue()
    {
        skipSpace();
        if (m_at >= m_json.size())
            return false;
        if (m_json[m_at] == '"')
            return string().has_value();
        if (m_json[m_at] != '{' && m_json[m_at] != '[') {
            while (m_at < m_json.size() && m_json[m_at] != ',' && m_json[m_at] != '}' && m_json[m_at] != ']')
                ++m_at;
            return true;
        }
        int depth = 0;
        while (m_at < m_json.size()) {
            const char c = m_json[m_at];
            if (c == '"') {
                if (!string())
                    return false;
                continue;
            }
            ++m_at;
            if (c == '{' || c == '[')
                ++depth;
            else if ((c == '}' || c == ']') && --depth == 0)
                return true;
        }
        return false;
    }

    // At a '{': its member names, or those of the object that path leads to inside it.
    QStringList keys(const QStringList &path, qsizetype depth)
    {
        if (!take('{'))
            return {};
        QStringList names;
        while (!take('}')) {
            const auto name = string();
            if (!name || !take(':'))
                return {};
            if (depth < path.size() && *name == path[depth] && peek('{'))
                return keys(path, depth + 1);
            names.append(*name);
            if (!skipValue())
                return {};
            take(',');
        }
        return depth == path.size() ? names : QStringList();
    }

private:
    QByteArrayView m_json;
    qsizetype m_at = 0;
};

} // namespace

QStringList jsonKeysInOrder(QByteArrayView json, const QStringList &path)
{
    return Walker(json).keys(path, 0);
}

} // namespace app
