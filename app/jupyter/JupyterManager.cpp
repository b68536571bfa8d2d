// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterManager.h"

#include "app/connections/ClusterConnection.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/sftp/SftpClient.h"

#include <QJsonDocument>

namespace app {

namespace {
constexpr qint64 RecordLimit = 64 * 1024;
// The folder of every JupyterLayout::root(), relative to the home folder (where SFTP paths start).
constexpr char RecordsFolder[] = ".clusterdesk/jupyter";
} // namespace

JupyterManager::JupyterManager(ClusterConnection *connection)
    : QObject(connection)
    , m_connection(connection)
{
    // Each time requests can go out again (a connection, a reconnection), look for servers.
    const auto readiness = [this] {
        const bool ready = m_connection && m_connection->schedulerClient()->isReady()
                           && m_connection->state() == sshcore::SshConnectionState::Connected;
        if (ready && !m_wasReady)
            discover();
        m_wasReady = ready;
    };
    connect(connection, &ClusterConnection::changed, this, readiness);
    connect(connection->schedulerClient(), &SchedulerClient::schedulerChanged, this, readiness);
}

QList<JupyterSession *> JupyterManager::sessions() const
{
    QList<JupyterSession *> list;
    for (const QPointer<JupyterSession> &session : m_sessions)
        if (session)
            list.append(session);
    return list;
}

JupyterSession *JupyterManager::start(const JupyterSettings &settings)
{
    auto *session = new JupyterSession(m_connection->ssh(), m_connection->schedulerClient(), settings, this);
    add(session);
    session->start();
    return session;
}

void JupyterManager::forget(JupyterSession *session)
{
    if (!session || !m_sessions.contains(session))
        return;
    m_sessions.removeAll(session);
    Q_EMIT sessionRemoved(session);
    session->deleteLater();
}

void JupyterManager::add(JupyterSession *session)
{
    m_sessions.append(session);
    Q_EMIT sessionAdded(session);
}

bool JupyterManager::knows(const QString &sessionId) const
{
    return std::any_of(m_sessions.cbegin(), m_sessions.cend(), [&](const QPointer<JupyterSession> &session) {
        return session && session->record().sessionId == sessionId;
    });
}

void JupyterManager::discover()
{
    if (m_discovering || !m_connection)
        return;
    m_discovering = true;
    findJupyterServers(m_connection->ssh(), m_connection->schedulerClient(), this,
                       [this](const QList<JupyterSession::Record> &alive) {
                           m_discovering = false;
                           int found = 0;
                           for (const JupyterSession::Record &record : alive) {
                               if (knows(record.sessionId) || !m_connection)
                                   continue;
                               ++found;
                               add(new JupyterSession(m_connection->ssh(), m_connection->schedulerClient(), record,
                                                      this));
                           }
                           Q_EMIT discovered(found);
                       });
}

namespace {

// A search's state, shared by its steps; the last step to finish reports.
struct Search
{
    std::function<void(const QList<JupyterSession::Record> &)> found;
    QList<JupyterSession::Record> alive;
    int pending = 1; // the listing itself, until its loop has sent every read
    void settle()
    {
        if (--pending == 0)
            found(alive);
    }
};

// An ended server's folder kept this long after its job was submitted is removed by the next search.
constexpr qint64 KeptDays = 30;

bool isStale(const JupyterSession::Record &record, const QByteArray &folderName)
{
    return folderName == record.sessionId.toUtf8() && record.submitted.isValid()
           && record.submitted.daysTo(QDateTime::currentDateTimeUtc()) > KeptDays;
}

} // namespace

void findJupyterServers(sshcore::SshConnection *ssh, SchedulerClient *client, QObject *context,
                        std::function<void(const QList<JupyterSession::Record> &alive)> found)
{
    auto search = std::make_shared<Search>();
    search->found = std::move(found);
    const QByteArray folder(RecordsFolder);
    QPointer<SchedulerClient> scheduler(client);
    QPointer<sshcore::SshConnection> link(ssh);
    sshcore::SftpClient(ssh).list(
        folder, context,
        [context, folder, search, scheduler, link](const sshcore::Result<QList<sshcore::SftpEntry>> &entries) {
            // None yet (NotFound), or the link went: nothing to find.
            for (const sshcore::SftpEntry &entry : entries ? *entries : QList<sshcore::SftpEntry>()) {
                if (entry.type != sshcore::SftpEntry::Type::Directory || !link)
                    continue;
                ++search->pending;
                const QByteArray place = folder + '/' + entry.name;
                sshcore::SftpClient(link).readFile(
                    place + "/session.json", RecordLimit, context,
                    [context, search, scheduler, link, place,
                     name = entry.name](const sshcore::Result<QByteArray> &json) {
                        const auto record = json ? JupyterSession::Record::fromJson(
                                                       QJsonDocument::fromJson(*json).object())
                                                 : std::nullopt;
                        if (!record || !scheduler)
                            return search->settle();
                        // Only a job still queued or running counts. An ended one's folder (its
                        // output, for a person to read) goes once it is a month old.
                        scheduler->details(record->jobId, context,
                                           [search, link, place, name, context,
                                            record = *record](const sshcore::Result<JobDetails> &details) {
                                               // Ended, or unknown to the scheduler (not: the link failed).
                                               const bool ended = details
                                                                      ? isFinished(details->job.state)
                                                                      : details.error().is(sshcore::ErrorKind::Refused)
                                                                            || details.error().is(
                                                                                sshcore::ErrorKind::NotFound);
                                               if (details && !ended && details->job.state != JobState::Completing)
                                                   search->alive.append(record);
                                               else if (ended && isStale(record, name) && link)
                                                   sshcore::SftpClient(link).remove(place, true, context,
                                                                                    [](const sshcore::Result<void> &) {
                                                                                    });
                                               search->settle();
                                           });
                    });
            }
            search->settle();
        });
}

} // namespace app
