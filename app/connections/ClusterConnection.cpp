// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/connections/ClusterConnection.h"

#include "app/connections/RememberingInteraction.h"
#include "app/jupyter/JupyterManager.h"
#include "app/monitor/MonitorArchive.h"
#include "app/monitor/MonitorSampler.h"
#include "app/monitor/MonitorStore.h"
#include "app/schedulers/SchedulerClient.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/config/SshConfig.h"

using namespace std::chrono_literals;
using sshcore::SshConnectionState;

namespace app {

ClusterConnection::ClusterConnection(const Profile &profile, QString sshConfigPath, sshcore::SshInteraction *person,
                                     Keyring *keyring, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_sshConfigPath(std::move(sshConfigPath))
    , m_interaction(new RememberingInteraction(person, keyring, this))
    , m_ssh(new sshcore::SshConnection({}, m_interaction, this)) // its settings come with open()
    , m_transfers(new TransferQueue(m_ssh, this))
    , m_schedulerClient(new SchedulerClient(m_ssh, {}, this))
{
    m_jupyter = new JupyterManager(this); // after the client it uses
    m_monitor = new MonitorSampler(m_schedulerClient, m_ssh, this);
    // Its samples are kept per cluster (the profile's id names the file), on the store's own thread.
    m_monitor->setArchive(new MonitorArchive(MonitorStore::defaultFilePath(profile.id.toString(QUuid::WithoutBraces)),
                                             profile.name, m_monitor));
    // The cluster's use is sampled while a back end is ready (connected and detected).
    connect(m_schedulerClient, &SchedulerClient::schedulerChanged, m_monitor, [this] {
        if (m_schedulerClient->isReady())
            m_monitor->start();
        else
            m_monitor->stop();
    });
    connect(m_ssh, &sshcore::SshConnection::stateChanged, this, &ClusterConnection::onStateChanged);
    connect(m_ssh, &sshcore::SshConnection::bannerReceived, this, [this](const QString &banner) {
        m_banner = banner;
        Q_EMIT changed();
    });
    m_schedulerClient->setScheduler({}, notConnected());
    m_interaction->setProfile(profile);
    connect(m_interaction, &RememberingInteraction::keyringProblem, this, &ClusterConnection::keyringProblem);
    m_latencyTimer.setInterval(15s);
    connect(&m_latencyTimer, &QTimer::timeout, this, &ClusterConnection::measureLatency);
}

ClusterConnection::~ClusterConnection()
{
    // Users of the client and the queue first; the SSH connection's worker stops on its own thread
    // without being waited for.
    delete m_monitor;
    delete m_jupyter;
    delete m_schedulerClient;
    delete m_transfers;
    delete m_ssh;
}

void ClusterConnection::setProfile(const Profile &profile)
{
    m_profile = profile;
    m_interaction->setProfile(profile);
    Q_EMIT changed();
}

bool ClusterConnection::isOpen() const
{
    return m_state == SshConnectionState::Connecting || m_state == SshConnectionState::Authenticating
           || m_state == SshConnectionState::Connected || m_state == SshConnectionState::Reconnecting;
}

void ClusterConnection::open()
{
    if (isOpen())
        return;
    m_scheduler.reset();
    m_schedulerClient->setScheduler({}, notConnected());
    m_latency.reset();
    m_banner.clear();

    sshcore::SshConfig config;
    if (m_sshConfigPath.isEmpty()) {
        config = sshcore::SshConfig::loadUserConfig();
    } else if (auto loaded = sshcore::SshConfig::load(m_sshConfigPath); loaded) {
        config = std::move(*loaded);
    } else {
        onStateChanged(SshConnectionState::Failed, loaded.error().message);
        return;
    }
    const auto settings = m_profile.connectionSettings(config);
    if (!settings) {
        onStateChanged(SshConnectionState::Failed, settings.error().message);
        return;
    }
    if (!m_ssh->setSettings(*settings)) {
        onStateChanged(SshConnectionState::Failed,
                       tr("The last connection to %1 is still closing: try again in a moment.").arg(m_profile.name));
        return;
    }
    m_interaction->beginLogin();
    onStateChanged(SshConnectionState::Connecting, {});
    m_ssh->open();
}

void ClusterConnection::close()
{
    if (!isOpen()) {
        onStateChanged(SshConnectionState::Disconnected, {});
        return;
    }
    m_ssh->close();
}

QString ClusterConnection::notConnected() const
{
    return tr("Not connected to %1.").arg(m_profile.name);
}

void ClusterConnection::onStateChanged(SshConnectionState state, const QString &message)
{
    const bool connectedNow = state == SshConnectionState::Connected && m_state != SshConnectionState::Connected;
    m_state = state;
    m_message = state == SshConnectionState::Connected ? QString() : message;
    if (state == SshConnectionState::Connected) {
        if (connectedNow) {
            m_interaction->loginSucceeded();
            detectScheduler(); // then measures the latency
            m_latencyTimer.start();
        }
    } else {
        m_latencyTimer.stop();
        m_latencyPending = false;
        if (state != SshConnectionState::Reconnecting)
            m_latency.reset();
        // Closed or failed for good: requests fail at once instead of waiting. While reconnecting,
        // the back end stays and requests wait for the link.
        if (state == SshConnectionState::Disconnected || state == SshConnectionState::Failed)
            m_schedulerClient->setScheduler({}, message.isEmpty() ? notConnected() : message);
    }
    Q_EMIT changed();
}

void ClusterConnection::detectScheduler()
{
    sshcore::SshCommandOptions options;
    options.persistentShell = true;
    options.timeout = 30s;
    auto *command = m_ssh->runShell(SchedulerDetection::probeScript(), options, this);
    connect(command, &sshcore::SshCommand::finished, this, [this, command] {
        command->deleteLater();
        const auto &result = command->result();
        if (!result)
            return; // the connection went away; its state says why
        m_scheduler = SchedulerDetection::parse(result->standardOutput);
        const Profile::Scheduler kind = m_profile.scheduler == Profile::Scheduler::Unknown ? m_scheduler->scheduler
                                                                                           : m_profile.scheduler;
        std::shared_ptr<const Scheduler> scheduler = Scheduler::create(kind);
        m_schedulerClient->setScheduler(scheduler,
                                        scheduler ? QString()
                                                  : tr("clusterdesk has no back end for %1, the batch scheduler of %2.")
                                                        .arg(m_scheduler->displayName(), m_profile.name));
        Q_EMIT schedulerDetected(*m_scheduler);
        Q_EMIT changed();
        measureLatency(); // not before: it would wait behind the detection in the shell
    });
}

void ClusterConnection::measureLatency()
{
    if (m_latencyPending)
        return;
    m_latencyPending = true;
    sshcore::SshCommandOptions options;
    options.persistentShell = true;
    options.timeout = 30s;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto *command = m_ssh->runShell(QByteArrayLiteral(":"), options, this);
    connect(command, &sshcore::SshCommand::finished, this, [this, command, timer] {
        command->deleteLater();
        m_latencyPending = false;
        if (!command->result())
            return;
        m_latency = std::chrono::milliseconds(timer->elapsed());
        Q_EMIT changed();
    });
}

QString ClusterConnection::stateName(SshConnectionState state)
{
    switch (state) {
    case SshConnectionState::Disconnected: return tr("Not connected");
    case SshConnectionState::Connecting: return tr("Connecting…");
    case SshConnectionState::Authenticating: return tr("Logging in…");
    case SshConnectionState::Connected: return tr("Connected");
    case SshConnectionState::Reconnecting: return tr("Reconnecting…");
    case SshConnectionState::Failed: return tr("Could not connect");
    }
    return {};
}

QString ClusterConnection::statusText() const
{
    QString text = stateName(m_state);
    if (m_state == SshConnectionState::Connected && m_latency)
        text = tr("%1 · %2 ms").arg(text, QString::number(m_latency->count()));
    return text;
}

} // namespace app
