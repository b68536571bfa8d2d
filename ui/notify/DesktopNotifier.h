// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/notify/Notice.h"

#include <QHash>
#include <QPair>
#include <QPointer>
#include <QString>

class KNotification;

namespace ui {

// Notices on the desktop's notification service, through KDE Frameworks' KNotifications: the
// events of resources/clusterdesk.notifyrc (one per app::NoticeKind), the app's icon, the notice's
// actions as buttons (the first one also what clicking the notice does). One KNotification per
// (cluster, subject) is kept while it is shown, and a notice with the same ones changes it in place
// (the server replaces it: the same notification id) instead of adding another. A kind the cluster
// turned off (app::NoticePreferences) is not shown.
class DesktopNotifier : public app::Notifier
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    void show(const app::Notice &notice) override;
    void withdraw(const QString &cluster, const QString &subject) override;

    // How many notices are shown now (not closed by the user, the server or withdraw()).
    int shownCount() const;
    // The .notifyrc KNotifications reads (empty when it finds none: notices are then not shown).
    static QString notifyrcPath();
    static QString componentName() { return QStringLiteral("clusterdesk"); }
    static QString eventId(app::NoticeKind kind) { return app::NoticePreferences::kindId(kind); }

private:
    using Key = QPair<QString, QString>; // cluster, subject
    void setActions(KNotification *notification, const app::Notice &notice);

    QHash<Key, QPointer<KNotification>> m_shown;
};

} // namespace ui
