// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/notify/Notice.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>
#include <QUrl>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::NoticePreferences)
};

// A cluster's name can hold '/' and other characters QSettings treats specially in keys.
QString mutedKey(const QString &cluster)
{
    return QStringLiteral("notifications/%1/muted").arg(QString::fromLatin1(QUrl::toPercentEncoding(cluster)));
}

QStringList muted(const QString &cluster)
{
    return QSettings().value(mutedKey(cluster)).toStringList();
}

void setMuted(const QString &cluster, const QStringList &kinds)
{
    QSettings settings;
    if (kinds.isEmpty()) {
        if (settings.contains(mutedKey(cluster))) // nothing written for a cluster that muted nothing
            settings.remove(mutedKey(cluster));
    } else {
        settings.setValue(mutedKey(cluster), kinds);
    }
}

} // namespace

QList<NoticeKind> NoticePreferences::allKinds()
{
    return {NoticeKind::JupyterReady,      NoticeKind::JupyterTimeLeft,    NoticeKind::JupyterEnded,
            NoticeKind::JobStarted,        NoticeKind::JobEnded,           NoticeKind::JobFailed,
            NoticeKind::AllocationStarted, NoticeKind::AllocationTimeLeft, NoticeKind::AllocationEnded};
}

QString NoticePreferences::kindId(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::JupyterReady: return QStringLiteral("jupyterReady");
    case NoticeKind::JupyterTimeLeft: return QStringLiteral("jupyterTimeLeft");
    case NoticeKind::JupyterEnded: return QStringLiteral("jupyterEnded");
    case NoticeKind::JobStarted: return QStringLiteral("jobStarted");
    case NoticeKind::JobEnded: return QStringLiteral("jobEnded");
    case NoticeKind::JobFailed: return QStringLiteral("jobFailed");
    case NoticeKind::AllocationStarted: return QStringLiteral("allocationStarted");
    case NoticeKind::AllocationTimeLeft: return QStringLiteral("allocationTimeLeft");
    case NoticeKind::AllocationEnded: return QStringLiteral("allocationEnded");
    }
    return {};
}

QString NoticePreferences::kindLabel(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::JupyterReady: return Tr::tr("Jupyter is ready to open");
    case NoticeKind::JupyterTimeLeft: return Tr::tr("Jupyter has 15 or 5 minutes left");
    case NoticeKind::JupyterEnded: return Tr::tr("Jupyter ended or failed");
    case NoticeKind::JobStarted: return Tr::tr("A batch job started");
    case NoticeKind::JobEnded: return Tr::tr("A batch job ended");
    case NoticeKind::JobFailed: return Tr::tr("A batch job failed, timed out, ran out of memory or was cancelled");
    case NoticeKind::AllocationStarted: return Tr::tr("An interactive allocation's terminal started");
    case NoticeKind::AllocationTimeLeft: return Tr::tr("An interactive allocation has 15 or 5 minutes left");
    case NoticeKind::AllocationEnded: return Tr::tr("An interactive allocation ended");
    }
    return {};
}

bool NoticePreferences::wanted(const QString &cluster, NoticeKind kind)
{
    return !muted(cluster).contains(kindId(kind));
}

void NoticePreferences::setWanted(const QString &cluster, NoticeKind kind, bool wanted)
{
    QStringList kinds = muted(cluster);
    const QString id = kindId(kind);
    if (wanted)
        kinds.removeAll(id);
    else if (!kinds.contains(id))
        kinds.append(id);
    setMuted(cluster, kinds);
}

void NoticePreferences::rename(const QString &from, const QString &to)
{
    if (from == to)
        return;
    const QStringList kinds = muted(from);
    forget(from);
    setMuted(to, kinds);
}

void NoticePreferences::forget(const QString &cluster)
{
    setMuted(cluster, {});
}

} // namespace app
