// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Reading back what dunst, the notification server of tests/notify/run-with-dunst, received.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QtDebug>

namespace testsupport::dunst {

using namespace Qt::StringLiterals;

inline QByteArray dunstctl(const QStringList &arguments)
{
    QProcess process;
    process.start(u"dunstctl"_s, arguments);
    if (!process.waitForFinished(10000) || process.exitCode() != 0) {
        qWarning() << "dunstctl" << arguments << process.readAllStandardError();
        return {};
    }
    return process.readAllStandardOutput();
}

inline int count(const QString &which)
{
    bool ok = false;
    const int n = dunstctl({u"count"_s, which}).trimmed().toInt(&ok);
    return ok ? n : -1;
}

// dunstctl history: {"type": "aa{sv}", "data": [[{"summary": {"type": "s", "data": "…"}, …}, …]]};
// each notice as a flat object of its fields' values.
inline QList<QJsonObject> history()
{
    QList<QJsonObject> notices;
    const QJsonArray outer = QJsonDocument::fromJson(dunstctl({u"history"_s})).object().value(u"data"_s).toArray();
    for (const QJsonValue &list : outer) {
        for (const QJsonValue &entry : list.toArray()) {
            QJsonObject flat;
            const QJsonObject fields = entry.toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it)
                flat.insert(it.key(), it.value().toObject().value(u"data"_s));
            notices.append(flat);
        }
    }
    return notices;
}

// What the server received, as dunst prints each notification it is given (-print): one block per
// Notify call with its summary, body, id and actions ("default": "Open in browser").
struct Received
{
    QString summary;
    QString body;
    int id = -1;
    QStringList actions; // "key=label"
};

inline QList<Received> received()
{
    QFile file(qEnvironmentVariable("CLUSTERDESK_DUNST_LOG"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Received> all;
    Received current;
    bool inActions = false;
    QString *continued = nullptr; // a quoted value that goes on over lines ("line1\nline2')
    static const QRegularExpression field(u"^\\t(summary|body|id): '?(.*)$"_s);
    static const QRegularExpression action(u"^\\t\\t\"(.*)\": \"(.*)\"$"_s);
    const auto value = [&continued](QString *target, const QString &text) {
        *target = text;
        continued = target;
        if (target->endsWith(u'\'')) {
            target->chop(1);
            continued = nullptr;
        }
    };
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (continued) {
            value(continued, *continued + u'\n' + line);
        } else if (line == u"{"_s) {
            current = {};
        } else if (line == u"}"_s) {
            all.append(current);
        } else if (line.startsWith(u"\tactions: {"_s)) {
            inActions = !line.endsWith(u'}');
        } else if (inActions) {
            if (const auto m = action.match(line); m.hasMatch())
                current.actions.append(m.captured(1) + u'=' + m.captured(2));
            else
                inActions = false;
        } else if (const auto m = field.match(line); m.hasMatch()) {
            if (m.captured(1) == u"summary"_s)
                value(&current.summary, m.captured(2));
            else if (m.captured(1) == u"body"_s)
                value(&current.body, m.captured(2));
            else
                current.id = m.captured(2).toInt();
        }
    }
    return all;
}

inline QList<Received> receivedWith(const QString &summary)
{
    QList<Received> found;
    for (const Received &r : received()) {
        if (r.summary == summary)
            found.append(r);
    }
    return found;
}

// What tests/notify/pick-action answers the next time dunst shows its menu (dunstctl context): the
// first line offered that contains text.
inline void pickFromMenu(const QString &text)
{
    QFile file(qEnvironmentVariable("XDG_RUNTIME_DIR") + u"/dunst-pick"_s);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(text.toUtf8());
}

// Every menu dunst offered so far, for a failure's message.
inline QString menusOffered()
{
    QFile file(qEnvironmentVariable("XDG_RUNTIME_DIR") + u"/dunst-menus"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace testsupport::dunst
