// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sshcore/SshConnection.h"

#include "sshcore/Libssh2Library.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/session/ExecOperation.h"
#include "sshcore/session/PtyOperation.h"
#include "sshcore/session/SessionWorker.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>

#include <vector>

namespace sshcore {

namespace {

// The worker threads of deleted connections, kept until they finish: a thread may sit in
// getaddrinfo() for as long as the resolver likes, and nobody should wait for that. Finished ones are
// freed by the next connection made or deleted, by SshConnection::orphanedThreads(), and at the
// latest when the application object goes; one still running then ends with the process.
class Orphans
{
public:
    static Orphans &instance()
    {
        static auto *orphans = new Orphans; // never destroyed: the exit routine below uses it
        return *orphans;
    }

    void add(QThread *thread)
    {
        const QMutexLocker locker(&m_mutex);
        m_threads.push_back(thread);
        if (!m_exitRoutine && QCoreApplication::instance()) {
            m_exitRoutine = true;
            qAddPostRoutine([] { instance().reapAtExit(); });
        }
    }

    int reap()
    {
        std::vector<QThread *> finished;
        {
            const QMutexLocker locker(&m_mutex);
            std::erase_if(m_threads, [&](QThread *thread) {
                if (!thread->isFinished())
                    return false;
                finished.push_back(thread);
                return true;
            });
        }
        for (QThread *thread : finished) {
            thread->wait(); // returns at once: it has finished, this only joins the system thread
            delete thread;
        }
        const QMutexLocker locker(&m_mutex);
        return int(m_threads.size());
    }

    // The application is going: the threads that are merely closing their sessions get a moment
    // (library teardown follows, and libssh2 must not be freed under them); one stuck resolving a
    // name is left to end with the process.
    void reapAtExit()
    {
        const QDeadlineTimer deadline(std::chrono::seconds(3));
        std::vector<QThread *> threads;
        {
            const QMutexLocker locker(&m_mutex);
            threads = m_threads;
        }
        for (QThread *thread : threads)
            thread->wait(deadline);
        reap();
    }

private:
    QMutex m_mutex;
    std::vector<QThread *> m_threads;
    bool m_exitRoutine = false;
};

} // namespace

SshConnection::SshConnection(SshConnectionSettings settings, SshInteraction *interaction, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_thread(new QThread)
    , m_worker(new detail::SessionWorker(m_settings, interaction))
{
    qRegisterMetaType<sshcore::SshConnectionState>();
    qRegisterMetaType<sshcore::SshNegotiatedMethods>();
    qRegisterMetaType<std::optional<sshcore::UnattendedLogin>>();
    [[maybe_unused]] const auto initialized = Libssh2Library::initialize();
    Orphans::instance().reap();
    m_thread->setObjectName(QStringLiteral("ssh %1").arg(m_settings.displayName()));
    m_worker->moveToThread(m_thread);
    // The worker goes with its thread, on that thread: whatever it is doing when the connection is
    // deleted, it finishes first.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &detail::SessionWorker::stateChanged, this, &SshConnection::onWorkerState);
    connect(m_worker, &detail::SessionWorker::serverBanner, this, &SshConnection::bannerReceived);
    connect(m_worker, &detail::SessionWorker::methodsNegotiated, this,
            [this](const SshNegotiatedMethods &methods) { m_negotiated = methods; });
    connect(m_worker, &detail::SessionWorker::loginUnattended, this,
            [this](const std::optional<UnattendedLogin> &login) { m_unattended = login; });
    m_thread->start();
}

SshConnection::~SshConnection()
{
    // No wait here: the worker may be inside getaddrinfo(), which nothing can interrupt. It stops
    // (abandoning its operations, closing the session) and ends its thread when it gets to it;
    // its signals no longer reach this object.
    m_worker->requestStop();
    post([](detail::SessionWorker *worker) {
        worker->stop();
        QThread::currentThread()->quit();
    });
    Orphans::instance().add(m_thread);
    Orphans::instance().reap();
}

int SshConnection::orphanedThreads()
{
    return Orphans::instance().reap();
}

bool SshConnection::setSettings(SshConnectionSettings settings)
{
    if (m_state != SshConnectionState::Disconnected && m_state != SshConnectionState::Failed)
        return false;
    m_settings = std::move(settings);
    m_unattended.reset();
    m_thread->setObjectName(QStringLiteral("ssh %1").arg(m_settings.displayName()));
    // Queued like open(): the worker has the new settings before it starts connecting.
    post([settings = m_settings](detail::SessionWorker *worker) { worker->setSettings(settings); });
    return true;
}

void SshConnection::post(std::function<void(detail::SessionWorker *)> work)
{
    detail::SessionWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, work = std::move(work)] { work(worker); }, Qt::QueuedConnection);
}

void SshConnection::open()
{
    if (m_state == SshConnectionState::Connecting || m_state == SshConnectionState::Authenticating
        || m_state == SshConnectionState::Connected || m_state == SshConnectionState::Reconnecting)
        return;
    m_state = SshConnectionState::Connecting; // at once, so that a second open() is ignored
    m_unattended.reset();
    post([](detail::SessionWorker *worker) { worker->start(); });
}

void SshConnection::close()
{
    m_worker->requestStop();
    post([](detail::SessionWorker *worker) { worker->stop(); });
}

void SshConnection::wakeWorker()
{
    post([](detail::SessionWorker *worker) { worker->wake(); });
}

void SshConnection::submit(std::shared_ptr<detail::Operation> operation)
{
    post([operation = std::move(operation)](detail::SessionWorker *worker) { worker->addOperation(operation); });
}

SshCommand *SshConnection::run(const QList<QByteArray> &arguments, const SshCommandOptions &options, QObject *parent)
{
    return runShell(ShellQuote::command(arguments), options, parent);
}

SshCommand *SshConnection::runShell(const QByteArray &commandLine, const SshCommandOptions &options, QObject *parent)
{
    auto shared = std::make_shared<detail::ExecShared>();
    auto *command = new SshCommand(this, shared, parent);
    // The relay is made here and moved to the worker's thread; its queued signals reach the command
    // only while the command exists.
    auto *relay = new detail::ExecRelay;
    connect(relay, &detail::ExecRelay::standardOutput, command, &SshCommand::onStandardOutput);
    connect(relay, &detail::ExecRelay::standardError, command, &SshCommand::onStandardError);
    connect(relay, &detail::ExecRelay::finished, command, &SshCommand::onFinished);
    relay->moveToThread(m_thread);
    if (options.persistentShell && options.input.isEmpty()) {
        detail::RunnerJob job{commandLine, options.timeout, std::move(shared), relay};
        post([job](detail::SessionWorker *worker) { worker->addShellJob(job); });
        return command;
    }
    submit(
        std::make_shared<detail::ExecOperation>(commandLine, options.input, options.timeout, std::move(shared), relay));
    return command;
}

SshPty *SshConnection::openPty(const PtyOptions &options, QObject *parent)
{
    auto shared = std::make_shared<detail::PtyShared>();
    auto *pty = new SshPty(this, shared, parent);
    // As for commands: made here, moved to the worker's thread, heard only while the SshPty exists.
    auto *relay = new detail::PtyRelay;
    connect(relay, &detail::PtyRelay::started, pty, &SshPty::onStarted);
    connect(relay, &detail::PtyRelay::output, pty, &SshPty::onOutput);
    connect(relay, &detail::PtyRelay::finished, pty, &SshPty::onFinished);
    relay->moveToThread(m_thread);
    submit(std::make_shared<detail::PtyOperation>(options, std::move(shared), relay));
    return pty;
}

void SshConnection::onWorkerState(SshConnectionState state, const QString &message)
{
    m_state = state;
    m_stateMessage = message;
    Q_EMIT stateChanged(state, message);
}

} // namespace sshcore
