// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/jupyter/JupyterSession.h"

#include "app/schedulers/Scheduler.h"
#include "app/schedulers/SchedulerClient.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"
#include "sshcore/tunnel/SshTunnel.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

#include <algorithm>

namespace app {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::JupyterSession)
};

using namespace std::chrono_literals;

constexpr qint64 InfoFileLimit = 64 * 1024;   // a server's info file is a few hundred bytes
constexpr qint64 OutputTailBytes = 16 * 1024; // what a failed start shows of the job's output
constexpr qint64 FreshQueueMs = 30000;        // how long a queued job is looked at often
constexpr qint64 StartingDetailsMs = 2000;    // how often the scheduler is asked while the server starts

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

// Runs a command on the connection's own channel and hands its result to done in context's thread.
void runOn(sshcore::SshConnection *ssh, const QByteArray &commandLine, const QByteArray &input, QObject *context,
           std::function<void(sshcore::Result<sshcore::CommandResult>)> done)
{
    sshcore::SshCommandOptions options;
    options.input = input;
    options.timeout = 60s;
    auto *command = ssh->runShell(commandLine, options, context);
    QObject::connect(command, &sshcore::SshCommand::finished, context, [command, done = std::move(done)] {
        done(command->result());
        command->deleteLater();
    });
}

} // namespace

QJsonObject JupyterSession::Record::toJson() const
{
    return {
        {QStringLiteral("session"), sessionId},
        {QStringLiteral("job"), jobId},
        {QStringLiteral("home"), home},
        {QStringLiteral("settings"), settings.toJson()},
        {QStringLiteral("submitted"), submitted.toUTC().toString(Qt::ISODate)},
    };
}

std::optional<JupyterSession::Record> JupyterSession::Record::fromJson(const QJsonObject &object)
{
    Record record;
    record.sessionId = object.value(QStringLiteral("session")).toString();
    record.jobId = object.value(QStringLiteral("job")).toString();
    record.home = object.value(QStringLiteral("home")).toString();
    record.settings = JupyterSettings::fromJson(object.value(QStringLiteral("settings")).toObject());
    record.submitted = QDateTime::fromString(object.value(QStringLiteral("submitted")).toString(), Qt::ISODate);
    const bool idIsSafe = !record.sessionId.isEmpty()
                          && std::all_of(record.sessionId.cbegin(), record.sessionId.cend(),
                                         [](QChar c) { return c.isLetterOrNumber() || c == u'-'; });
    if (!idIsSafe || record.jobId.isEmpty() || !record.home.startsWith(u'/'))
        return std::nullopt;
    return record;
}

JupyterSession::JupyterSession(sshcore::SshConnection *ssh, SchedulerClient *client, JupyterSettings settings,
                               QObject *parent)
    : QObject(parent)
    , m_ssh(ssh)
    , m_client(client)
    , m_stateSince(QDateTime::currentDateTime())
{
    m_record.sessionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_record.settings = std::move(settings);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JupyterSession::poll);
}

JupyterSession::JupyterSession(sshcore::SshConnection *ssh, SchedulerClient *client, Record record, QObject *parent)
    : QObject(parent)
    , m_ssh(ssh)
    , m_client(client)
    , m_record(std::move(record))
    , m_state(State::Queued)
    , m_stateSince(QDateTime::currentDateTime())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JupyterSession::poll);
    QTimer::singleShot(0, this, &JupyterSession::poll);
}

JupyterSession::~JupyterSession() = default;

void JupyterSession::setPollIntervals(std::chrono::milliseconds waiting, std::chrono::milliseconds starting,
                                      std::chrono::milliseconds ready)
{
    m_waitingInterval = waiting;
    m_startingInterval = starting;
    m_readyInterval = ready;
}

QString JupyterSession::stateName(State state)
{
    switch (state) {
    case State::Submitting: return Tr::tr("Submitting");
    case State::Queued: return Tr::tr("Queued");
    case State::Starting: return Tr::tr("Starting");
    case State::Ready: return Tr::tr("Ready");
    case State::Ending: return Tr::tr("Ending");
    case State::Ended: return Tr::tr("Ended");
    }
    return {};
}

QString JupyterSession::stateText() const
{
    switch (m_state) {
    case State::Queued: {
        QString text = m_waitReason.isEmpty() ? Tr::tr("Waiting in the queue")
                                              : Tr::tr("Waiting: %1").arg(m_waitReason);
        if (m_expectedStart && m_expectedStart->isValid())
            text = Tr::tr("%1 · expected to start at %2")
                       .arg(text, QLocale().toString(m_expectedStart->toLocalTime(), QLocale::ShortFormat));
        return text;
    }
    case State::Starting:
        if (m_server && !m_tunnelError.isEmpty())
            return Tr::tr("Jupyter listens on %1 port %2, but the tunnel cannot reach it yet: %3")
                .arg(m_server->host)
                .arg(m_server->port)
                .arg(m_tunnelError);
        return Tr::tr("The job runs; Jupyter is starting");
    case State::Ready: return Tr::tr("Ready");
    case State::Ending: return Tr::tr("Ending");
    case State::Ended: return m_diagnosis.message.isEmpty() ? Tr::tr("Ended") : m_diagnosis.message;
    case State::Submitting: return Tr::tr("Submitting the job");
    }
    return {};
}

QUrl JupyterSession::url() const
{
    if (m_state != State::Ready || !m_server || !m_tunnel)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_tunnel->localPort());
    url.setPath(m_server->baseUrl.isEmpty() ? QStringLiteral("/") : m_server->baseUrl);
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(m_server->token)));
    return url;
}

void JupyterSession::setState(State state)
{
    if (state != m_state) {
        m_state = state;
        m_stateSince = QDateTime::currentDateTime();
        Q_EMIT stateChanged(state);
    }
    Q_EMIT changed();
}

bool JupyterSession::linkUsable() const
{
    return m_ssh && m_client && m_client->isReady();
}

void JupyterSession::start()
{
    if (!m_record.jobId.isEmpty() || m_state != State::Submitting)
        return;
    if (!linkUsable()) {
        end({JupyterDiagnosis::Cause::Other,
             m_client ? m_client->unavailableReason() : Tr::tr("Not connected to the cluster.")});
        return;
    }
    setState(State::Submitting);
    sshcore::SftpClient(m_ssh).realPath(".", this, [this](const sshcore::Result<QByteArray> &home) {
        if (!home)
            return end({JupyterDiagnosis::Cause::Other,
                        Tr::tr("Cannot find the home folder on the cluster: %1").arg(home.error().message)});
        writeFilesAndSubmit(QString::fromUtf8(*home));
    });
}

void JupyterSession::writeFilesAndSubmit(const QString &home)
{
    m_record.home = home;
    const auto scheduler = m_client ? m_client->scheduler() : nullptr;
    if (!scheduler)
        return end({JupyterDiagnosis::Cause::Other, Tr::tr("The cluster's scheduler is not known yet.")});
    const JupyterLayout layout = m_record.layout();
    const sshcore::Result<QString> script = jupyterScript(m_record.settings, scheduler->kind(), layout);
    if (!script)
        return end({JupyterDiagnosis::Cause::Other, script.error().message});
    m_script = *script;
    // The folder is the server's only: made 0700 before anything is written in it.
    const QByteArray commandLine = "umask 077 && mkdir -p -- " + sshcore::ShellQuote::quote(utf8(layout.runtimeDir()))
                                   + " && chmod 700 -- " + sshcore::ShellQuote::quote(utf8(layout.root()))
                                   + " && cat > " + sshcore::ShellQuote::quote(utf8(layout.scriptPath()));
    runOn(m_ssh, commandLine, utf8(m_script), this, [this](const sshcore::Result<sshcore::CommandResult> &written) {
        if (!written || written->exitStatus != 0)
            return end(
                {JupyterDiagnosis::Cause::Other,
                 Tr::tr("Cannot write the job script on the cluster: %1")
                     .arg(written ? QString::fromUtf8(written->standardError).trimmed() : written.error().message)});
        submit();
    });
}

void JupyterSession::submit()
{
    if (!linkUsable())
        return end({JupyterDiagnosis::Cause::Other, Tr::tr("The connection closed before the job was submitted.")});
    const QString workDirectory = m_record.settings.workDirectory.isEmpty() ? m_record.home
                                                                            : m_record.settings.workDirectory;
    m_client->submit(m_record.layout().scriptPath(), workDirectory, this,
                     [this](const sshcore::Result<SubmitReply> &reply) {
                         if (!reply)
                             return end({JupyterDiagnosis::Cause::Other,
                                         Tr::tr("The scheduler refused the job: %1").arg(reply.error().message)});
                         m_record.jobId = reply->jobId;
                         m_record.submitted = QDateTime::currentDateTimeUtc();
                         writeRecord();
                         setState(State::Queued);
                         poll();
                     });
}

void JupyterSession::writeRecord()
{
    const QByteArray json = QJsonDocument(m_record.toJson()).toJson(QJsonDocument::Indented);
    const QByteArray commandLine = "umask 077 && cat > "
                                   + sshcore::ShellQuote::quote(utf8(m_record.layout().sessionFile()));
    runOn(m_ssh, commandLine, json, this, [this](const sshcore::Result<sshcore::CommandResult> &written) {
        if (!written || written->exitStatus != 0)
            qWarning("clusterdesk: cannot write the record of Jupyter job %s: it will not be found again after a "
                     "restart",
                     qPrintable(m_record.jobId));
    });
}

void JupyterSession::scheduleNextPoll()
{
    if (m_state == State::Ended)
        return;
    // A job on an idle cluster starts within a second or two: look often at first, then calmly.
    const bool fresh = m_stateSince.msecsTo(QDateTime::currentDateTime()) < FreshQueueMs;
    const auto interval = m_state == State::Ready ? m_readyInterval
                          : m_state == State::Queued
                              ? (fresh ? std::min(m_startingInterval * 2, m_waitingInterval) : m_waitingInterval)
                              : m_startingInterval;
    m_timer.start(interval);
}

void JupyterSession::poll()
{
    if (m_state == State::Ended || m_state == State::Submitting || m_polling)
        return;
    if (!linkUsable()) { // the link is being restored: look again later
        scheduleNextPoll();
        return;
    }
    // While the server starts, its folder is what changes: look there each time, and ask the
    // scheduler about the job only now and then (it may end before the server answers).
    if (m_state == State::Starting && m_sinceDetails.isValid() && m_sinceDetails.elapsed() < StartingDetailsMs) {
        lookForServer();
        scheduleNextPoll();
        return;
    }
    m_polling = true;
    m_sinceDetails.start();
    m_client->details(m_record.jobId, this, [this](const sshcore::Result<JobDetails> &details) {
        m_polling = false;
        onDetails(details);
    });
}

void JupyterSession::onDetails(const sshcore::Result<JobDetails> &details)
{
    if (!details) {
        // Gone from the scheduler's memory (Slurm forgets ended jobs after a few minutes): ended.
        if (details.error().is(sshcore::ErrorKind::Refused) || details.error().is(sshcore::ErrorKind::NotFound))
            return jobLeft();
        scheduleNextPoll(); // the link or the scheduler hiccuped: ask again
        return;
    }
    const Job &job = details->job;
    if (job.timeLeftSeconds)
        m_endsAt = QDateTime::currentDateTime().addSecs(*job.timeLeftSeconds);
    else if (job.endTime.isValid() && job.state == JobState::Running)
        m_endsAt = job.endTime;
    switch (job.state) {
    case JobState::Pending:
    case JobState::Held:
    case JobState::Suspended:
        m_waitReason = job.reason;
        m_expectedStart = job.startTime.isValid() ? std::optional(job.startTime) : std::nullopt;
        setState(m_stopRequested ? State::Ending : State::Queued);
        break;
    case JobState::Running:
        if (m_stopRequested) {
            setState(State::Ending);
        } else if (m_state != State::Ready) {
            setState(State::Starting);
            lookForServer();
        } else {
            Q_EMIT changed(); // time left
        }
        break;
    case JobState::Unknown: break;
    default: return jobLeft(); // completing or finished
    }
    scheduleNextPoll();
}

void JupyterSession::lookForServer()
{
    if (m_looking || m_probing || !m_ssh)
        return;
    if (m_server && m_tunnel)
        return probe();
    m_looking = true;
    const QByteArray runtime = utf8(m_record.layout().runtimeDir());
    sshcore::SftpClient sftp(m_ssh);
    sftp.list(runtime, this, [this, runtime](const sshcore::Result<QList<sshcore::SftpEntry>> &entries) {
        if (!entries || !m_ssh) {
            m_looking = false;
            return; // not made yet: the job's first lines make it
        }
        const sshcore::SftpEntry *newest = nullptr;
        for (const sshcore::SftpEntry &entry : *entries) {
            if (isJupyterServerInfoFile(QString::fromUtf8(entry.name))
                && (!newest || entry.modified > newest->modified))
                newest = &entry;
        }
        if (!newest) {
            m_looking = false;
            return;
        }
        sshcore::SftpClient(m_ssh).readFile(runtime + '/' + newest->name, InfoFileLimit, this,
                                            [this](const sshcore::Result<QByteArray> &json) {
                                                m_looking = false;
                                                if (!json)
                                                    return; // being written: next time
                                                const sshcore::Result<JupyterServerInfo> info = parseJupyterServerInfo(
                                                    *json);
                                                if (!info)
                                                    return;
                                                openTunnel(*info);
                                            });
    });
}

void JupyterSession::openTunnel(const JupyterServerInfo &info)
{
    if (!m_ssh)
        return;
    m_server = info;
    m_tunnel = std::make_unique<sshcore::SshTunnel>(m_ssh, utf8(info.host), info.port);
    // Said while starting: a server the login node cannot reach would otherwise just seem slow.
    connect(m_tunnel.get(), &sshcore::SshTunnel::connectionFailed, this, [this](const QString &error) {
        m_tunnelError = error;
        Q_EMIT changed();
    });
    if (const sshcore::Result<quint16> port = m_tunnel->listen(); !port) {
        m_tunnel.reset();
        return end({JupyterDiagnosis::Cause::Other,
                    Tr::tr("Cannot open a local port for the tunnel: %1").arg(port.error().message)});
    }
    probe();
}

void JupyterSession::probe()
{
    if (m_probing || !m_server || !m_tunnel)
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_probing = true;
    QUrl status;
    status.setScheme(QStringLiteral("http"));
    status.setHost(QStringLiteral("127.0.0.1"));
    status.setPort(m_tunnel->localPort());
    QString base = m_server->baseUrl.isEmpty() ? QStringLiteral("/") : m_server->baseUrl;
    if (!base.endsWith(u'/'))
        base += u'/';
    status.setPath(base + QStringLiteral("api/status"));
    QNetworkRequest request(status);
    request.setRawHeader("Authorization", "token " + utf8(m_server->token));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_probing = false;
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (code == 200 && m_state == State::Starting) {
            m_tunnelError.clear();
            setState(State::Ready);
        }
    });
}

void JupyterSession::stop()
{
    if (m_state == State::Ended || m_record.jobId.isEmpty())
        return;
    m_stopRequested = true;
    setState(State::Ending);
    if (!linkUsable())
        return; // asked again by the next poll once the link is back
    m_client->control(JobControl::Cancel, m_record.jobId, this, [this](const sshcore::Result<void> &done) {
        if (!done)
            qWarning("clusterdesk: cancelling Jupyter job %s: %s", qPrintable(m_record.jobId),
                     qPrintable(done.error().message));
        poll();
    });
}

void JupyterSession::jobLeft()
{
    m_timer.stop();
    m_tunnel.reset(); // nothing to carry any more: the port closes
    m_server.reset();
    setState(State::Ending);
    if (!linkUsable())
        return end({JupyterDiagnosis::Cause::Other,
                    Tr::tr("The job has ended; the connection closed before its end could be read.")});
    // Accounting says how it ended; the job's output says why.
    m_client->history({}, {m_record.jobId}, this, [this](const sshcore::Result<QList<JobAccounting>> &records) {
        if (records) {
            for (const JobAccounting &record : *records)
                if (record.id == m_record.jobId)
                    m_accounting = record;
        }
        const QByteArray commandLine = "tail -c " + QByteArray::number(OutputTailBytes) + " -- "
                                       + sshcore::ShellQuote::quote(utf8(m_record.layout().outputPath()));
        m_client->runCommand(commandLine, false, 30s, this,
                             [this](const sshcore::Result<sshcore::CommandResult> &tail) {
                                 if (tail && tail->exitStatus == 0)
                                     m_outputTail = tail->standardOutput;
                                 end(m_stopRequested
                                         ? JupyterDiagnosis{JupyterDiagnosis::Cause::Cancelled,
                                                            Tr::tr("Stopped as you asked: the job was cancelled.")}
                                         : diagnoseJupyterEnd(m_outputTail, m_accounting));
                             });
    });
}

void JupyterSession::end(const JupyterDiagnosis &diagnosis)
{
    m_timer.stop();
    m_tunnel.reset();
    m_server.reset();
    m_diagnosis = diagnosis;
    setState(State::Ended);
}

} // namespace app
