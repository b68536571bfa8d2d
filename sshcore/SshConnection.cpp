#include "sshcore/SshConnection.h"

#include "sshcore/Libssh2Library.h"
#include "sshcore/ShellQuote.h"
#include "sshcore/session/ExecOperation.h"
#include "sshcore/session/SessionWorker.h"

namespace sshcore {

SshConnection::SshConnection(SshConnectionSettings settings, SshInteraction *interaction, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_worker(new detail::SessionWorker(m_settings, interaction))
{
    qRegisterMetaType<sshcore::SshConnectionState>();
    [[maybe_unused]] const auto initialized = Libssh2Library::initialize();
    m_thread.setObjectName(QStringLiteral("ssh %1").arg(m_settings.displayName()));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &detail::SessionWorker::stateChanged, this, &SshConnection::onWorkerState);
    connect(m_worker, &detail::SessionWorker::serverBanner, this, &SshConnection::bannerReceived);
    m_thread.start();
}

SshConnection::~SshConnection()
{
    m_worker->requestStop();
    // The thread quits from its own loop, after stop(): quit() from here could end that loop before it
    // ran stop(), and the worker's operations would then be destroyed with it after the loop, when a
    // deleteLater() (their relays') is never carried out: a jump host's relay leaked that way.
    post([thread = &m_thread](detail::SessionWorker *worker) {
        worker->stop();
        thread->quit();
    });
    m_thread.wait();
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
    relay->moveToThread(&m_thread);
    if (options.persistentShell && options.input.isEmpty()) {
        detail::RunnerJob job{commandLine, options.timeout, std::move(shared), relay};
        post([job](detail::SessionWorker *worker) { worker->addShellJob(job); });
        return command;
    }
    submit(std::make_shared<detail::ExecOperation>(commandLine, options.input, options.timeout, std::move(shared),
                                                   relay));
    return command;
}

void SshConnection::onWorkerState(SshConnectionState state, const QString &message)
{
    m_state = state;
    m_stateMessage = message;
    Q_EMIT stateChanged(state, message);
}

} // namespace sshcore
