// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace app {

// What a notice is about; each kind can be turned off per cluster (NoticePreferences).
enum class NoticeKind {
    JupyterReady,
    JupyterTimeLeft,
    JupyterEnded,
    JobStarted,
    JobEnded,
    JobFailed,
    AllocationStarted, // an interactive allocation's shell started on its node
    AllocationTimeLeft,
    AllocationEnded,
};

// A button on a notice; id comes back through Notifier::actionInvoked ("open"), label is shown.
struct NoticeAction
{
    QString id;
    QString label;

    bool operator==(const NoticeAction &) const = default;
};

// One desktop notice. The same (cluster, subject) names one notice: showing another with them
// updates it instead of adding a second one ("job:1234" started, then ended).
struct Notice
{
    NoticeKind kind = NoticeKind::JobEnded;
    QString cluster; // the profile's name (muting is per cluster)
    QString subject; // what it is about: "jupyter:<sessionId>", "job:<jobId>"
    QString title;
    QString text;
    QList<NoticeAction> actions;

    bool operator==(const Notice &) const = default;
};

// Where the app's areas send notices. The ui layer implements it on the desktop's notification
// service (ui/notify/DesktopNotifier); an implementation leaves out the kinds a cluster muted.
class Notifier : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Shows notice, or updates the one shown with the same (cluster, subject).
    virtual void show(const Notice &notice) = 0;
    // Takes the notice with (cluster, subject) away, if one is shown.
    virtual void withdraw(const QString &cluster, const QString &subject) = 0;

Q_SIGNALS:
    void actionInvoked(const QString &cluster, const QString &subject, const QString &actionId);
};

// Which kinds of notices a cluster wants: all by default; the ones turned off are kept in the app's
// settings (QSettings), per cluster name.
class NoticePreferences
{
public:
    static QList<NoticeKind> allKinds();
    // The kind's name in the settings and the .notifyrc ("jobEnded").
    static QString kindId(NoticeKind kind);
    // What the kind is, for a settings dialog ("A batch job ended").
    static QString kindLabel(NoticeKind kind);

    static bool wanted(const QString &cluster, NoticeKind kind);
    static void setWanted(const QString &cluster, NoticeKind kind, bool wanted);
    // A renamed cluster keeps its choices; a deleted one forgets them.
    static void rename(const QString &from, const QString &to);
    static void forget(const QString &cluster);
};

} // namespace app
