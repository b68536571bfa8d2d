// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/cli/RemoteCommands.h"

#include "app/cli/ProfileTargets.h"
#include "app/cli/TerminalInteraction.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/PermissionString.h"
#include "sshcore/sftp/SftpClient.h"
#include "sshcore/tunnel/SshTunnel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <memory>
#include <sys/socket.h>
#include <unistd.h>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(app::cli)
};

} // namespace

void printError(const QString &message)
{
    std::fprintf(stderr, "clusterdesk-cli: %s\n", qPrintable(message));
}

void printUsage(const QString &synopsis)
{
    std::fprintf(stderr, "%s\n", qPrintable(Tr::tr("usage: %1").arg(synopsis)));
}

namespace {

// The command line's choices win over ~/.ssh/config, for the target and every jump host alike.
void applyOptions(const ConnectionOptions &options, sshcore::SshConnectionSettings *settings)
{
    if (!options.identityFiles.isEmpty())
        settings->identityFiles = options.identityFiles + settings->identityFiles;
    if (!options.knownHostsFile.isEmpty())
        settings->knownHostsFiles = {options.knownHostsFile};
    if (options.strictHostKeyChecking)
        settings->strictHostKeyChecking = *options.strictHostKeyChecking;
}

// A signal's number from its name in SSH's exit-signal message (RFC 4254 names it without "SIG");
// SIGTERM's for a name this system does not know.
int signalNumber(const QString &name)
{
    static const QList<std::pair<const char *, int>> numbers = {{"ABRT", SIGABRT}, {"ALRM", SIGALRM}, {"FPE", SIGFPE},
                                                                {"HUP", SIGHUP},   {"ILL", SIGILL},   {"INT", SIGINT},
                                                                {"KILL", SIGKILL}, {"PIPE", SIGPIPE}, {"QUIT", SIGQUIT},
                                                                {"SEGV", SIGSEGV}, {"TERM", SIGTERM}, {"USR1", SIGUSR1},
                                                                {"USR2", SIGUSR2}};
    for (const auto &[known, number] : numbers) {
        if (name == QLatin1StringView(known))
            return number;
    }
    return SIGTERM;
}

std::optional<sshcore::SshConnectionSettings> settingsFor(const ConnectionOptions &options)
{
    const sshcore::SshConfig config = sshcore::SshConfig::loadUserConfig();
    const auto profile = profileNamed(options.target);
    auto settings = profile ? profile->connectionSettings(config)
                            : sshcore::SshConnectionSettings::fromConfig(config, options.target);
    if (!settings) {
        printError(settings.error().message);
        return std::nullopt;
    }
    applyOptions(options, &*settings);
    if (!options.jumpHosts.isEmpty()) {
        auto jumps = sshcore::SshConnectionSettings::resolveJumpHosts(config,
                                                                      options.jumpHosts.split(u',',
                                                                                              Qt::SkipEmptyParts));
        if (!jumps) {
            printError(jumps.error().message);
            return std::nullopt;
        }
        settings->jumpHosts = *jumps;
        for (sshcore::SshConnectionSettings &jump : settings->jumpHosts)
            applyOptions(options, &jump);
    }
    return *settings;
}

// Opens the connection and waits (this is a command-line program: waiting is its job).
std::unique_ptr<sshcore::SshConnection> openConnection(const sshcore::SshConnectionSettings &settings,
                                                       TerminalInteraction *interaction)
{
    auto connection = std::make_unique<sshcore::SshConnection>(settings, interaction);
    QObject::connect(connection.get(), &sshcore::SshConnection::bannerReceived, interaction,
                     &TerminalInteraction::showBanner);
    QEventLoop loop;
    QObject::connect(connection.get(), &sshcore::SshConnection::stateChanged, &loop,
                     [&loop](sshcore::SshConnectionState state) {
                         if (state == sshcore::SshConnectionState::Connected
                             || state == sshcore::SshConnectionState::Failed
                             || state == sshcore::SshConnectionState::Disconnected)
                             loop.quit();
                     });
    connection->open();
    loop.exec();
    if (connection->state() != sshcore::SshConnectionState::Connected) {
        printError(connection->stateMessage());
        return nullptr;
    }
    return connection;
}

// Ends the event loop on SIGINT or SIGTERM (self-pipe: no Qt call in a signal handler).
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] auto written = ::write(g_signalPipe[1], &byte, 1);
}

} // namespace

std::unique_ptr<QSocketNotifier> interruptNotifier()
{
    if (g_signalPipe[0] < 0 && ::pipe(g_signalPipe) != 0)
        return nullptr;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    return std::make_unique<QSocketNotifier>(qintptr(g_signalPipe[0]), QSocketNotifier::Read);
}

// Resolves the target and logs in; on failure the reason was printed.
std::optional<Session> connectTo(const ConnectionOptions &options, bool batch)
{
    auto settings = settingsFor(options);
    if (!settings)
        return std::nullopt;
    Session session{*settings, std::make_unique<TerminalInteraction>(batch), nullptr};
    session.connection = openConnection(session.settings, session.interaction.get());
    if (!session.connection)
        return std::nullopt;
    return session;
}

int execCommand(const ConnectionOptions &options, const QList<QByteArray> &command)
{
    const auto session = connectTo(options, options.batch);
    if (!session)
        return connectionFailed;
    std::unique_ptr<sshcore::SshCommand> run(session->connection->run(command));
    QObject::connect(run.get(), &sshcore::SshCommand::standardOutputReady, run.get(), [](const QByteArray &chunk) {
        std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stdout);
        std::fflush(stdout);
    });
    QObject::connect(run.get(), &sshcore::SshCommand::standardErrorReady, run.get(),
                     [](const QByteArray &chunk) { std::fwrite(chunk.constData(), 1, size_t(chunk.size()), stderr); });
    QEventLoop loop;
    QObject::connect(run.get(), &sshcore::SshCommand::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const auto &result = run->result();
    if (!result) {
        printError(result.error().message);
        return connectionFailed;
    }
    if (!result->exitSignal.isEmpty()) {
        printError(Tr::tr("the remote command was killed by signal %1").arg(result->exitSignal));
        return 128 + signalNumber(result->exitSignal);
    }
    return result->exitStatus;
}

namespace {

QString humanBytes(double bytes)
{
    const char *units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes, 0, 'f', unit == 0 ? 0 : 1).arg(QLatin1StringView(units[unit]));
}

std::optional<app::TransferOptions::Conflict> conflictFrom(const QString &name)
{
    using Conflict = app::TransferOptions::Conflict;
    if (name == u"overwrite")
        return Conflict::Overwrite;
    if (name == u"skip")
        return Conflict::Skip;
    if (name == u"resume")
        return Conflict::Resume;
    if (name == u"keep-both")
        return Conflict::KeepBoth;
    if (name == u"newer")
        return Conflict::OnlyIfNewer;
    return std::nullopt;
}

} // namespace

int transferCommand(const ConnectionOptions &options, const TransferCommandOptions &transfer, const QString &source,
                    const QString &destination)
{
    const auto conflict = conflictFrom(transfer.conflict);
    if (!conflict) {
        printError(Tr::tr("--conflict takes overwrite, skip, resume, keep-both or newer"));
        return 2;
    }
    const auto session = connectTo(options, options.batch);
    if (!session)
        return connectionFailed;
    app::TransferQueue queue(session->connection.get());
    app::TransferOptions transferOptions;
    transferOptions.conflict = *conflict;
    transferOptions.verify = transfer.verify;
    const int id = transfer.upload ? queue.upload(source, destination.toLocal8Bit(), transferOptions)
                                   : queue.download(source.toLocal8Bit(), destination, transferOptions);
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    QEventLoop loop;
    QList<int> reported;
    const auto report = [&] {
        const app::TransferQueue::Job *job = queue.job(id);
        if (!job)
            return;
        if (terminal) {
            const auto progress = queue.progress(id);
            const double fraction = progress.bytesTotal ? double(progress.bytesDone) / double(progress.bytesTotal)
                                                        : 1.0;
            const int filled = int(fraction * 30);
            const QString bar = QString(filled, u'#') + QString(30 - filled, u' ');
            const QString percent = QStringLiteral("%1").arg(int(fraction * 100), 3);
            const QString done = QString::number(progress.filesDone);
            const QString rate = humanBytes(progress.bytesPerSecond);
            //: The progress bar of upload and download on a terminal: [###   ] 40% 2/5 files 3.1 MiB/s
            const QString line = progress.remaining
                                     ? Tr::tr("[%1] %2% %3/%n files %4/s ETA %5", nullptr, progress.filesTotal)
                                           .arg(bar, percent, done, rate,
                                                QStringLiteral("%1:%2")
                                                    .arg(progress.remaining->count() / 60)
                                                    .arg(progress.remaining->count() % 60, 2, 10, QLatin1Char('0')))
                                     : Tr::tr("[%1] %2% %3/%n files %4/s", nullptr, progress.filesTotal)
                                           .arg(bar, percent, done, rate);
            std::fprintf(stderr, "\r%s\033[K", qPrintable(line));
            std::fflush(stderr);
            return;
        }
        for (int index = 0; index < job->files.size(); ++index) {
            const auto &file = job->files.at(index);
            const bool over = file.state == app::TransferQueue::FileState::Done
                              || file.state == app::TransferQueue::FileState::Skipped
                              || file.state == app::TransferQueue::FileState::Failed;
            if (!over || reported.contains(index))
                continue;
            reported.append(index);
            if (file.state == app::TransferQueue::FileState::Done)
                std::printf("%s\n",
                            qPrintable(transfer.upload ? Tr::tr("uploaded %1").arg(QString::fromUtf8(file.remote))
                                                       : Tr::tr("downloaded %1").arg(file.local)));
            else if (file.state == app::TransferQueue::FileState::Skipped)
                std::printf("%s\n", qPrintable(Tr::tr("skipped %1: %2").arg(file.local, file.error)));
        }
        std::fflush(stdout);
    };
    QObject::connect(&queue, &app::TransferQueue::jobChanged, &loop, report);
    QObject::connect(&queue, &app::TransferQueue::jobFinished, &loop, [&] {
        report();
        loop.quit();
    });
    if (const auto *job = queue.job(id); job && job->state == app::TransferQueue::JobState::Finished)
        QTimer::singleShot(0, &loop, &QEventLoop::quit);
    loop.exec();
    if (terminal)
        std::fprintf(stderr, "\n");
    const app::TransferQueue::Job *job = queue.job(id);
    if (!job->error.isEmpty()) {
        printError(job->error);
        return 1;
    }
    int failed = 0;
    for (const auto &file : job->files) {
        if (file.state == app::TransferQueue::FileState::Failed) {
            printError(QStringLiteral("%1: %2").arg(transfer.upload ? file.local : QString::fromUtf8(file.remote),
                                                    file.error));
            ++failed;
        }
    }
    const auto progress = queue.progress(id);
    const QString done = QString::number(progress.filesDone), bytes = humanBytes(double(progress.bytesDone));
    //: After an upload or download: "3 of 5 files, 1.2 MiB"
    std::fprintf(stderr, "%s\n",
                 qPrintable(failed ? Tr::tr("%1 of %n files, %2; %3 failed", nullptr, progress.filesTotal)
                                         .arg(done, bytes, QString::number(failed))
                                   : Tr::tr("%1 of %n files, %2", nullptr, progress.filesTotal).arg(done, bytes)));
    return failed ? 1 : 0;
}

int listCommand(const ConnectionOptions &options, const QByteArray &path)
{
    const auto session = connectTo(options, options.batch);
    if (!session)
        return connectionFailed;
    sshcore::SftpClient sftp(session->connection.get());
    QEventLoop loop;
    int status = 0;
    sftp.list(path.isEmpty() ? QByteArray(".") : path, &loop,
              [&](const sshcore::Result<QList<sshcore::SftpEntry>> &entries) {
                  if (!entries) {
                      printError(entries.error().message);
                      status = 1;
                  } else {
                      QList<sshcore::SftpEntry> sorted = *entries;
                      std::ranges::sort(sorted, {}, &sshcore::SftpEntry::name);
                      for (const auto &entry : sorted) {
                          const QString when = QDateTime::fromSecsSinceEpoch(entry.modified)
                                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
                          std::printf("%s %12llu %s ",
                                      qPrintable(sshcore::permissionString(entry.type, entry.permissions)),
                                      static_cast<unsigned long long>(entry.size), qPrintable(when));
                          std::fwrite(entry.name.constData(), 1, size_t(entry.name.size()), stdout);
                          std::printf("\n");
                      }
                  }
                  loop.quit();
              });
    loop.exec();
    return status;
}

int forwardCommand(const ConnectionOptions &options, const QString &spec)
{
    // LOCALPORT:HOST:PORT, LOCALPORT 0 for any free port.
    const QStringList parts = spec.split(u':');
    bool localOk = false, remoteOk = false;
    const uint localPort = parts.value(0).toUInt(&localOk);
    const uint remotePort = parts.value(2).toUInt(&remoteOk);
    if (parts.size() != 3 || !localOk || !remoteOk || localPort > 65535 || remotePort == 0 || remotePort > 65535
        || parts.at(1).isEmpty()) {
        printError(Tr::tr("'%1' is not LOCALPORT:HOST:PORT (for example 8888:localhost:8888)").arg(spec));
        return 2;
    }
    const auto session = connectTo(options, options.batch);
    if (!session)
        return connectionFailed;
    sshcore::SshConnection *connection = session->connection.get();
    const sshcore::SshConnectionSettings *settings = &session->settings;
    sshcore::SshTunnel tunnel(connection, parts.at(1).toUtf8(), quint16(remotePort));
    const auto listening = tunnel.listen(quint16(localPort));
    if (!listening) {
        printError(listening.error().message);
        return 1;
    }
    QObject::connect(&tunnel, &sshcore::SshTunnel::connectionFailed, &tunnel,
                     [](const QString &error) { printError(error); });
    std::printf("%s\n", qPrintable(Tr::tr("Forwarding 127.0.0.1:%1 to %2 port %3 through %4. Press Ctrl+C to stop.")
                                       .arg(QString::number(*listening), parts.at(1), QString::number(remotePort),
                                            settings->displayName())));
    std::fflush(stdout);

    QEventLoop loop;
    const auto stop = interruptNotifier();
    if (!stop)
        return 1;
    QObject::connect(stop.get(), &QSocketNotifier::activated, &loop, &QEventLoop::quit);
    QObject::connect(connection, &sshcore::SshConnection::stateChanged, &loop,
                     [&loop](sshcore::SshConnectionState state, const QString &message) {
                         if (state == sshcore::SshConnectionState::Reconnecting)
                             printError(Tr::tr("%1 Reconnecting...").arg(message));
                         if (state == sshcore::SshConnectionState::Failed) {
                             printError(message);
                             loop.exit(connectionFailed);
                         }
                     });
    const int status = loop.exec();
    tunnel.close();
    return status;
}

int benchExecCommand(const ConnectionOptions &options, int count, const QByteArray &command)
{
    QElapsedTimer connectTimer;
    connectTimer.start();
    const auto session = connectTo(options, true);
    if (!session)
        return connectionFailed;
    const qint64 connectMs = connectTimer.elapsed();
    sshcore::SshConnection *connection = session->connection.get();
    const sshcore::SshConnectionSettings *settings = &session->settings;

    // count sequential runs through the one session; false if one failed.
    const auto timeRuns = [&](bool persistentShell, qint64 *elapsedMs) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            sshcore::SshCommandOptions runOptions;
            runOptions.persistentShell = persistentShell;
            std::unique_ptr<sshcore::SshCommand> run(connection->runShell(command, runOptions));
            QEventLoop loop;
            QObject::connect(run.get(), &sshcore::SshCommand::finished, &loop, &QEventLoop::quit);
            loop.exec();
            if (!run->result() || run->result()->exitStatus != 0) {
                printError(Tr::tr("'%1' failed: %2")
                               .arg(QString::fromUtf8(command), run->result()
                                                                    ? QString::fromUtf8(run->result()->standardError)
                                                                    : run->result().error().message));
                return false;
            }
        }
        *elapsedMs = timer.elapsed();
        return true;
    };
    qint64 channelsMs = 0;
    qint64 oursMs = 0;
    if (!timeRuns(false, &channelsMs) || !timeRuns(true, &oursMs))
        return 1;
    QElapsedTimer timer;

    // The same through OpenSSH's client, a new connection (and login) each time, as scripts do.
    QStringList arguments = {QStringLiteral("-p"), QString::number(settings->port),
                             QStringLiteral("-l"), settings->user,
                             QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                             QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes")};
    for (const QString &file : settings->identityFiles)
        arguments << QStringLiteral("-i") << file;
    for (const QString &file : settings->knownHostsFiles)
        arguments << QStringLiteral("-o") << QStringLiteral("UserKnownHostsFile=%1").arg(file);
    arguments << settings->host << QString::fromUtf8(command);
    timer.start();
    for (int i = 0; i < count; ++i) {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), arguments);
        if (!ssh.waitForFinished(60000) || ssh.exitCode() != 0) {
            printError(Tr::tr("OpenSSH's ssh failed: %1").arg(QString::fromUtf8(ssh.readAllStandardError())));
            return 1;
        }
    }
    const qint64 opensshMs = timer.elapsed();

    const auto milliseconds = [](qint64 ms) { return QStringLiteral("%1").arg(ms, 7); };
    const auto perCall = [count](qint64 ms) { return QString::number(double(ms) / count, 'f', 1); };
    const auto ratio = [opensshMs](qint64 ms) { return QString::number(double(ms) / double(opensshMs), 'f', 3); };
    // The figures line up after the longest of the (translated) labels.
    const QStringList labels = {Tr::tr("clusterdesk, persistent shell:"), Tr::tr("clusterdesk, a channel per call:"),
                                Tr::tr("OpenSSH ssh, one per call:")};
    qsizetype width = 0;
    for (const QString &label : labels)
        width = std::max(width, label.size() + 1);
    const QStringList lines =
        {Tr::tr("command: %1, %n times, against %2", nullptr, count)
             .arg(QString::fromUtf8(command), settings->displayName()),
         labels[0].leftJustified(width)
             + Tr::tr("%1 ms  (%2 ms per call; connecting took %3 ms)")
                   .arg(milliseconds(oursMs), perCall(oursMs), QString::number(connectMs)),
         labels[1].leftJustified(width)
             + Tr::tr("%1 ms  (%2 ms per call)").arg(milliseconds(channelsMs), perCall(channelsMs)),
         labels[2].leftJustified(width)
             + Tr::tr("%1 ms  (%2 ms per call)").arg(milliseconds(opensshMs), perCall(opensshMs)),
         Tr::tr("ratio clusterdesk/OpenSSH:  %1 with the persistent shell, %2 with a channel per call "
                "(goal: at most 0.1)")
             .arg(ratio(oursMs), ratio(channelsMs))};
    for (const QString &line : lines)
        std::printf("%s\n", qPrintable(line));
    return 0;
}

} // namespace cli
