// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/notify/DesktopNotifier.h"

#include "ui/widgets/Icons.h"

#include <KNotification>
#include <QStandardPaths>

namespace ui {

namespace {

const QString NotifyrcName = QStringLiteral("knotifications6/clusterdesk.notifyrc");

// An installed clusterdesk finds its .notifyrc under a system data folder (share/knotifications6).
// One run from its build folder does not: there the build's staged copy is added to the data folders
// KNotifications looks in (QStandardPaths reads XDG_DATA_DIRS at each lookup).
void findNotifyrc()
{
    if (!QStandardPaths::locate(QStandardPaths::GenericDataLocation, NotifyrcName).isEmpty())
        return;
#ifdef CLUSTERDESK_STAGED_DATA_DIR
    const QString staged = QStringLiteral(CLUSTERDESK_STAGED_DATA_DIR);
    if (!QFileInfo::exists(staged + u'/' + NotifyrcName))
        return;
    QString dirs = qEnvironmentVariable("XDG_DATA_DIRS");
    if (dirs.isEmpty())
        dirs = QStringLiteral("/usr/local/share:/usr/share"); // the default the specification gives
    qputenv("XDG_DATA_DIRS", (dirs + u':' + staged).toLocal8Bit());
#endif
}

// Servers take the body as markup (KNotifications strips it for those that do not): the notice's
// plain text escaped, its line breaks as <br/> (a plain "\n" becomes a space on the way).
QString bodyOf(const app::Notice &notice)
{
    return notice.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>"));
}

KNotification::NotificationFlags flagsFor(app::NoticeKind kind)
{
    // Jupyter being ready waits for the user (it is the link to open); the rest may time out.
    return kind == app::NoticeKind::JupyterReady ? KNotification::Persistent : KNotification::CloseOnTimeout;
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : Notifier(parent)
{
    findNotifyrc();
}

DesktopNotifier::~DesktopNotifier()
{
    // Their buttons would lead nowhere once clusterdesk is gone.
    for (const QPointer<KNotification> &notification : std::as_const(m_shown)) {
        if (notification)
            notification->close();
    }
}

QString DesktopNotifier::notifyrcPath()
{
    return QStandardPaths::locate(QStandardPaths::GenericDataLocation, NotifyrcName);
}

int DesktopNotifier::shownCount() const
{
    return int(std::ranges::count_if(m_shown, [](const QPointer<KNotification> &n) { return !n.isNull(); }));
}

void DesktopNotifier::show(const app::Notice &notice)
{
    if (!app::NoticePreferences::wanted(notice.cluster, notice.kind))
        return;
    const Key key{notice.cluster, notice.subject};
    if (KNotification *shown = m_shown.value(key)) {
        // Changed in place: KNotifications sends the change with the notice's id, and the server
        // replaces what it shows.
        shown->setEventId(eventId(notice.kind));
        shown->setFlags(flagsFor(notice.kind));
        shown->setTitle(notice.title);
        shown->setText(bodyOf(notice));
        setActions(shown, notice);
        return;
    }
    auto *notification = new KNotification(eventId(notice.kind), flagsFor(notice.kind), this);
    notification->setComponentName(componentName());
    // The installed theme icon by name (the server draws it at its own size); a clusterdesk whose icon
    // is not in the icon theme (run from its build folder) sends its built-in one as an image.
    if (QIcon::hasThemeIcon(appIconName()))
        notification->setIconName(appIconName());
    else
        notification->setPixmap(appIcon().pixmap(128, 128));
    notification->setTitle(notice.title);
    notification->setText(bodyOf(notice));
    setActions(notification, notice);
    // A notice closed (by the user, the server's timeout, or withdraw) deletes itself; the next one
    // about the subject is a new notice.
    connect(notification, &KNotification::closed, this, [this, key, notification] {
        if (m_shown.value(key) == notification)
            m_shown.remove(key);
    });
    m_shown.insert(key, notification);
    notification->sendEvent();
}

void DesktopNotifier::setActions(KNotification *notification, const app::Notice &notice)
{
    notification->clearActions();
    const QString cluster = notice.cluster;
    const QString subject = notice.subject;
    for (qsizetype i = 0; i < notice.actions.size(); ++i) {
        const app::NoticeAction &action = notice.actions.at(i);
        const auto invoked = [this, cluster, subject, id = action.id] { Q_EMIT actionInvoked(cluster, subject, id); };
        if (i == 0) // clicking the notice does what its first button does
            connect(notification->addDefaultAction(action.label), &KNotificationAction::activated, this, invoked);
        connect(notification->addAction(action.label), &KNotificationAction::activated, this, invoked);
    }
}

void DesktopNotifier::withdraw(const QString &cluster, const QString &subject)
{
    if (KNotification *shown = m_shown.take({cluster, subject}))
        shown->close();
}

} // namespace ui
