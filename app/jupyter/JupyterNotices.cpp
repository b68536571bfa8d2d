// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterNotices.h"

#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"
#include "app/notify/Notice.h"

#include <QCoreApplication>
#include <QDateTime>

namespace app {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterNotices)
};
} // namespace

JupyterNotices::JupyterNotices(JupyterManager *manager, Notifier *notifier, QString cluster, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_notifier(notifier)
    , m_cluster(std::move(cluster))
{
    for (JupyterSession *session : manager->sessions())
        watch(session);
    connect(manager, &JupyterManager::sessionAdded, this, &JupyterNotices::watch);
    connect(notifier, &Notifier::actionInvoked, this,
            [this](const QString &onCluster, const QString &about, const QString &action) {
                if (onCluster != m_cluster || action != QLatin1String(OpenAction) || !m_manager)
                    return;
                for (JupyterSession *session : m_manager->sessions())
                    if (subject(*session) == about && session->state() == JupyterSession::State::Ready)
                        Q_EMIT openRequested(session);
            });
    m_clock.setInterval(15000);
    connect(&m_clock, &QTimer::timeout, this, &JupyterNotices::checkTimeLeft);
    m_clock.start();
}

QString JupyterNotices::subject(const JupyterSession &session)
{
    return QStringLiteral("jupyter:") + session.record().sessionId;
}

void JupyterNotices::watch(JupyterSession *session)
{
    connect(session, &JupyterSession::stateChanged, this, [this, session] { stateChanged(session); });
    connect(session, &JupyterSession::changed, this, &JupyterNotices::checkTimeLeft); // the time left is news
}

void JupyterNotices::stateChanged(JupyterSession *session)
{
    if (!m_notifier)
        return;
    Notice notice;
    notice.cluster = m_cluster;
    notice.subject = subject(*session);
    switch (session->state()) {
    case JupyterSession::State::Ready:
        notice.kind = NoticeKind::JupyterReady;
        notice.title = Tr::tr("Jupyter is ready on %1").arg(m_cluster);
        notice.text = Tr::tr("Job %1 · %2")
                          .arg(session->jobId(), session->settings().partition.isEmpty()
                                                     ? Tr::tr("default partition")
                                                     : session->settings().partition);
        notice.actions = {{QLatin1String(OpenAction), Tr::tr("Open in browser")}};
        break;
    case JupyterSession::State::Ended:
        notice.kind = NoticeKind::JupyterEnded;
        notice.title = session->diagnosis().cause == JupyterDiagnosis::Cause::Cancelled
                           ? Tr::tr("Jupyter stopped on %1").arg(m_cluster)
                           : Tr::tr("Jupyter ended on %1").arg(m_cluster);
        notice.text = session->diagnosis().message;
        m_warned.remove(session->record().sessionId);
        break;
    default: return;
    }
    m_notifier->show(notice);
}

void JupyterNotices::checkTimeLeft()
{
    if (!m_manager || !m_notifier)
        return;
    const QDateTime now = QDateTime::currentDateTime();
    for (JupyterSession *session : m_manager->sessions()) {
        if (session->state() != JupyterSession::State::Ready || !session->endsAt())
            continue;
        const qint64 left = std::max<qint64>(0, now.secsTo(*session->endsAt()));
        Warned &warned = m_warned[session->record().sessionId];
        if (warned.firstSeenLeft < 0)
            warned.firstSeenLeft = left;
        for (const std::chrono::seconds warning : std::as_const(m_warnings)) {
            const qint64 at = warning.count();
            if (left > at || at >= warned.firstSeenLeft || (warned.lastGiven >= 0 && warned.lastGiven <= at))
                continue;
            warned.lastGiven = at;
            const qint64 minutes = (left + 59) / 60;
            Notice notice;
            notice.kind = NoticeKind::JupyterTimeLeft;
            notice.cluster = m_cluster;
            notice.subject = subject(*session);
            notice.title = minutes == 1 ? Tr::tr("Jupyter on %1: 1 minute left").arg(m_cluster)
                                        : Tr::tr("Jupyter on %1: %2 minutes left").arg(m_cluster).arg(minutes);
            notice.text = Tr::tr("Job %1 reaches its time limit at %2. Save your notebooks; Run again with more time "
                                 "starts a new server.")
                              .arg(session->jobId(), session->endsAt()->toLocalTime().time().toString(u"HH:mm"));
            notice.actions = {{QLatin1String(OpenAction), Tr::tr("Open in browser")}};
            m_notifier->show(notice);
            break;
        }
    }
}

} // namespace app
