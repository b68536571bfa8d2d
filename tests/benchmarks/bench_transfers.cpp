// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// bench_transfers: clusterdesk's file transfers against OpenSSH's sftp and scp on the demo cluster's
// login node (issues 5 and 17, "Goals"). Same server, user, key, key exchange, cipher and MAC on both
// sides, files on tmpfs on both sides; the 1 GiB cases three times (the median), the others once
// (--rounds N: the median of N), the tools back to back. Ratios are against the faster of sftp and
// scp. Beside the times: the client's CPU seconds per GiB (clusterdesk's process; sftp or scp with
// the ssh it runs), and the whole machine's: the server's share (sshd and its SFTP server, on the same
// CPUs here) and how busy the CPUs were, which bounds what a client can win on this machine. It prints
// figures and their ratios next to the goals; it asserts nothing.

#include "DelayProxy.h"
#include "OpenSsh.h"
#include "app/demo/DemoCluster.h"
#include "app/transfers/TransferQueue.h"
#include "sshcore/Libssh2Library.h"
#include "sshcore/SshCommand.h"
#include "sshcore/SshConnection.h"
#include "sshcore/sftp/SftpClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <linux/magic.h>
#include <memory>
#include <optional>
#include <sys/resource.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using bench::Endpoint;
using bench::OpenSsh;
using sshcore::Result;

namespace {

constexpr auto Timeout = 10min; // any single transfer

void note(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

bool onTmpfs(const QString &path)
{
    struct statfs info{};
    return ::statfs(QFile::encodeName(path).constData(), &info) == 0 && info.f_type == TMPFS_MAGIC;
}

// Folders of earlier runs that were interrupted (named after their process, which is gone).
void removeLeftovers(const QString &base)
{
    const QString prefix = u"clusterdesk-bench-"_s;
    for (const QFileInfo &info : QDir(base).entryInfoList({prefix + u'*'}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString pid = info.fileName().mid(prefix.size()).section(u'-', 0, 0);
        bool number = false;
        pid.toLongLong(&number);
        if (number && !QFileInfo::exists(u"/proc/"_s + pid) && info.isWritable())
            QDir(info.filePath()).removeRecursively();
    }
}

struct Tally
{
    qint64 files = 0;
    qint64 bytes = 0;
    bool operator==(const Tally &) const = default;
    QString text() const { return u"%1 files, %2 bytes"_s.arg(files).arg(bytes); }
};

Tally localTally(const QString &path)
{
    const QFileInfo root(path);
    if (root.isFile())
        return {1, root.size()};
    Tally tally;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        ++tally.files;
        tally.bytes += it.nextFileInfo().size();
    }
    return tally;
}

bool writeRandom(const QString &path, qint64 size, QRandomGenerator &random)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    std::vector<quint32> block(size_t(std::min<qint64>(size, 4 << 20) + 3) / 4);
    for (qint64 left = size; left > 0;) {
        random.fillRange(block.data(), qsizetype(block.size()));
        const qint64 n = std::min<qint64>(left, qint64(block.size() * 4));
        if (file.write(reinterpret_cast<const char *>(block.data()), n) != n)
            return false;
        left -= n;
    }
    return true;
}

bool waitConnected(sshcore::SshConnection &connection)
{
    QEventLoop loop;
    using State = sshcore::SshConnectionState;
    QObject::connect(&connection, &sshcore::SshConnection::stateChanged, &loop, [&loop](State state) {
        if (state == State::Connected || state == State::Failed)
            loop.quit();
    });
    QTimer::singleShot(30s, &loop, &QEventLoop::quit);
    connection.open();
    if (connection.state() != sshcore::SshConnectionState::Connected)
        loop.exec();
    return connection.state() == sshcore::SshConnectionState::Connected;
}

// Opens the connection's SFTP channel, as the app's first listing does: OpenSSH's figures do not
// count starting its SFTP server either (its login time is taken off).
bool openSftp(sshcore::SshConnection &connection)
{
    sshcore::SftpClient sftp(&connection);
    std::optional<bool> opened;
    QEventLoop loop;
    sftp.realPath(".", &loop, [&](const Result<QByteArray> &path) {
        opened = path.has_value();
        loop.quit();
    });
    QTimer::singleShot(30s, &loop, &QEventLoop::quit);
    if (!opened)
        loop.exec();
    return opened.value_or(false);
}

Result<QByteArray> remoteRun(sshcore::SshConnection &connection, const QList<QByteArray> &arguments)
{
    std::unique_ptr<sshcore::SshCommand> command(connection.run(arguments));
    QEventLoop loop;
    QObject::connect(command.get(), &sshcore::SshCommand::finished, &loop, &QEventLoop::quit);
    if (!command->isFinished())
        loop.exec();
    const auto &result = command->result();
    if (!result)
        return sshcore::failure(result.error());
    if (result->exitStatus != 0)
        return sshcore::failure(QString::fromUtf8(arguments.join(' ') + ": " + result->standardError.trimmed()));
    return result->standardOutput;
}

Result<Tally> remoteTally(sshcore::SshConnection &connection, const QByteArray &path)
{
    const auto sizes = remoteRun(connection, {"find", path, "-type", "f", "-printf", "%s\\n"});
    if (!sizes)
        return sshcore::failure(sizes.error());
    Tally tally;
    for (const QByteArray &line : sizes->split('\n')) {
        if (!line.isEmpty()) {
            ++tally.files;
            tally.bytes += line.toLongLong();
        }
    }
    return tally;
}

// Runs one TransferQueue job to its end; the time it took, or what went wrong.
Result<double> runJob(app::TransferQueue &queue, const std::function<int()> &start)
{
    QEventLoop loop;
    QSet<int> finished;
    int id = -1;
    QObject::connect(&queue, &app::TransferQueue::jobFinished, &loop, [&](int which) {
        finished.insert(which);
        if (which == id)
            loop.quit();
    });
    QTimer::singleShot(Timeout, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    id = start();
    if (!finished.contains(id))
        loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const app::TransferQueue::Job *job = queue.job(id);
    if (!job || job->state != app::TransferQueue::JobState::Finished)
        return sshcore::failure(u"the transfer did not finish in time"_s);
    if (!job->error.isEmpty())
        return sshcore::failure(job->error);
    for (const auto &file : job->files) {
        if (file.state == app::TransferQueue::FileState::Failed)
            return sshcore::failure(file.local + u": "_s + file.error);
    }
    return seconds;
}

// CPU seconds (user and system) of this process, and of the child processes it has waited for
// (sftp or scp, with the ssh each runs and waits for).
struct CpuTime
{
    double self = 0;
    double children = 0;

    static CpuTime now()
    {
        const auto seconds = [](const rusage &usage) {
            return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                   + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        };
        rusage self{}, children{};
        ::getrusage(RUSAGE_SELF, &self);
        ::getrusage(RUSAGE_CHILDREN, &children);
        return {seconds(self), seconds(children)};
    }
};

// CPU seconds the whole machine spent busy and idle (all CPUs, from /proc/stat): with the server on
// the same CPUs, busy less the client's own CPU is the server's (and whatever else ran).
struct MachineCpu
{
    double busy = 0;
    double idle = 0;

    static MachineCpu now()
    {
        QFile stat(u"/proc/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            return {};
        // cpu  user nice system idle iowait irq softirq steal ...
        const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
        if (fields.size() < 8 || fields.at(0) != "cpu")
            return {};
        const auto at = [&](int index) { return fields.at(index).toDouble(); };
        const double tick = double(::sysconf(_SC_CLK_TCK));
        return {(at(1) + at(2) + at(3) + at(6) + at(7)) / tick, (at(4) + at(5)) / tick};
    }
};

enum Tool { Sftp, Scp, Clusterdesk };
constexpr Tool Tools[] = {Sftp, Scp, Clusterdesk}; // the order they run in, back to back

QString toolName(Tool tool)
{
    return tool == Sftp ? u"sftp"_s : tool == Scp ? u"scp"_s : u"clusterdesk"_s;
}

struct Row
{
    QString name;
    double goal = 0; // against the faster of sftp and scp
    qint64 bytes = 0;
    std::vector<double> samples[3];   // seconds, by Tool
    std::vector<double> cpu[3];       // the client's CPU seconds, by Tool
    std::vector<double> busy[3];      // the whole machine's busy CPU seconds, by Tool
    std::vector<double> busyShare[3]; // busy / (busy + idle): 1.0 is every CPU busy throughout
    bool failed[3] = {};

    // The median of the runs, none if one failed.
    std::optional<double> time(Tool tool) const { return median(samples[tool], tool); }
    // The client's CPU seconds per GiB (median).
    std::optional<double> cpuPerGiB(Tool tool) const { return perGiB(cpu[tool], tool); }
    // The rest of the machine's CPU seconds per GiB: the server (median of busy less the client's).
    std::optional<double> serverPerGiB(Tool tool) const
    {
        std::vector<double> rest;
        for (size_t run = 0; run < busy[tool].size() && run < cpu[tool].size(); ++run)
            rest.push_back(std::max(0.0, busy[tool][run] - cpu[tool][run]));
        return perGiB(rest, tool);
    }
    std::optional<double> busyFraction(Tool tool) const { return median(busyShare[tool], tool); }
    // The faster of sftp and scp.
    std::optional<Tool> reference() const
    {
        if (time(Sftp) && (!time(Scp) || *time(Sftp) <= *time(Scp)))
            return Sftp;
        if (time(Scp))
            return Scp;
        return std::nullopt;
    }

private:
    std::optional<double> perGiB(const std::vector<double> &seconds, Tool tool) const
    {
        const auto middle = median(seconds, tool);
        if (!middle || bytes <= 0)
            return std::nullopt;
        return *middle / (double(bytes) / double(1 << 30));
    }
    std::optional<double> median(std::vector<double> sorted, Tool tool) const
    {
        if (failed[tool] || sorted.empty())
            return std::nullopt;
        std::ranges::sort(sorted);
        const size_t middle = sorted.size() / 2;
        return sorted.size() % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
};

QString cell(const Row &row, Tool tool)
{
    if (const auto time = row.time(tool))
        return u"%1 s"_s.arg(*time, 0, 'f', 2);
    return row.failed[tool] ? u"failed"_s : u"-"_s;
}

class TransferBench
{
public:
    TransferBench(OpenSsh openssh, app::TransferOptions options, int extraSessions, QString local, QByteArray remote,
                  sshcore::SshConnection *control)
        : m_openssh(std::move(openssh))
        , m_options(options)
        , m_extraSessions(extraSessions)
        , m_local(std::move(local))
        , m_remote(std::move(remote))
        , m_control(control)
    {}

    // name (a file or folder in the local source folder) to the cluster by each tool, then back;
    // two rows. Each round runs the tools back to back; OpenSSH's login time is taken off its figures.
    void roundTrip(const QString &label, const QString &name, bool recursive, double upGoal, double downGoal,
                   int rounds, const Endpoint &at, sshcore::SshConnection *connection, double login)
    {
        const QString source = m_local + u"/src/"_s + name;
        const Tally expected = localTally(source);
        Row up;
        up.name = label + u" upload"_s;
        up.goal = upGoal;
        up.bytes = expected.bytes;
        Row down = up;
        down.name = label + u" download"_s;
        down.goal = downGoal;
        app::TransferQueue queue(connection);
        queue.setExtraSessions(m_extraSessions);
        const app::TransferOptions &options = m_options;
        const QByteArray r = recursive ? "-r " : "";
        // The first complete upload is moved here: what the downloads read.
        const QByteArray kept = m_remote + "/src/" + QFile::encodeName(name);
        bool haveKept = false;

        for (int round = 0; round < rounds; ++round) {
            for (const Tool tool : Tools) {
                const QByteArray into = m_remote + "/up-" + toolName(tool).toLatin1();
                const QByteArray destination = into + '/' + QFile::encodeName(name);
                Result<double> time = sshcore::failure(QString());
                const CpuTime before = CpuTime::now();
                const MachineCpu machineBefore = MachineCpu::now();
                if (tool == Sftp)
                    time = m_openssh.sftp(at, "put " + r + QFile::encodeName(source) + ' ' + destination + '\n');
                else if (tool == Scp)
                    time = m_openssh.scp(at, {source, m_openssh.target() + u':' + QString::fromUtf8(destination)},
                                         recursive);
                else
                    time = runJob(queue, [&] { return queue.upload(source, into, options); });
                const auto arrived = [&] { return remoteTally(*m_control, destination); };
                if (record(up, tool, time, before, machineBefore, login, arrived, expected) && !haveKept)
                    haveKept = remoteRun(*m_control, {"mv", destination, kept}).has_value();
                (void)remoteRun(*m_control, {"rm", "-rf", destination});
            }
        }
        for (int round = 0; round < rounds && haveKept; ++round) {
            for (const Tool tool : Tools) {
                const QString into = m_local + u"/down-"_s + toolName(tool);
                const QString destination = into + u'/' + name;
                QDir().mkpath(into);
                Result<double> time = sshcore::failure(QString());
                const CpuTime before = CpuTime::now();
                const MachineCpu machineBefore = MachineCpu::now();
                if (tool == Sftp)
                    time = m_openssh.sftp(at, "get " + r + kept + ' ' + QFile::encodeName(destination) + '\n');
                else if (tool == Scp)
                    time = m_openssh.scp(at, {m_openssh.target() + u':' + QString::fromUtf8(kept), destination},
                                         recursive);
                else
                    time = runJob(queue, [&] { return queue.download(kept, into, options); });
                record(
                    down, tool, time, before, machineBefore, login,
                    [&] { return Result<Tally>(localTally(destination)); }, expected);
                QDir(into).removeRecursively();
            }
        }
        (void)remoteRun(*m_control, {"rm", "-rf", kept});
        if (queue.partsOnExtraSessions() > 0)
            note(u"  %1: %2 extra SSH sessions logged in, %3 parts of files carried by them"_s.arg(label)
                     .arg(queue.extraSessionsLoggedIn())
                     .arg(queue.partsOnExtraSessions()));
        m_rows << up << down;
    }

    const QList<Row> &rows() const { return m_rows; }

private:
    // Checks what arrived and keeps the time (OpenSSH's without its login).
    bool record(Row &row, Tool tool, const Result<double> &time, const CpuTime &before, const MachineCpu &machineBefore,
                double login, const std::function<Result<Tally>()> &arrived, const Tally &expected)
    {
        const CpuTime after = CpuTime::now();
        const MachineCpu machineAfter = MachineCpu::now();
        if (!time) {
            note(u"  %1, %2: FAILED: %3"_s.arg(row.name, toolName(tool), time.error().message));
            row.failed[tool] = true;
            return false;
        }
        const auto tally = arrived();
        if (!tally || !(*tally == expected)) {
            note(u"  %1, %2: FAILED: expected %3, found %4"_s.arg(row.name, toolName(tool), expected.text(),
                                                                  tally ? tally->text() : tally.error().message));
            row.failed[tool] = true;
            return false;
        }
        const bool ours = tool == Clusterdesk;
        row.samples[tool].push_back(ours ? *time : std::max(0.0, *time - login));
        row.cpu[tool].push_back(ours ? after.self - before.self : after.children - before.children);
        // OpenSSH's figures include its login here (a few hundredths of a second of CPU).
        const double busy = machineAfter.busy - machineBefore.busy;
        const double idle = machineAfter.idle - machineBefore.idle;
        row.busy[tool].push_back(busy);
        row.busyShare[tool].push_back(busy + idle > 0 ? busy / (busy + idle) : 0.0);
        note(u"  %1, %2: %3 s%4, client CPU %5 s, machine busy %6 CPU s (%7 % of its CPUs)"_s
                 .arg(row.name, toolName(tool))
                 .arg(row.samples[tool].back(), 0, 'f', 2)
                 .arg(ours ? QString() : u" (%1 s with its login)"_s.arg(*time, 0, 'f', 2))
                 .arg(row.cpu[tool].back(), 0, 'f', 2)
                 .arg(busy, 0, 'f', 2)
                 .arg(100.0 * row.busyShare[tool].back(), 0, 'f', 0));
        return true;
    }

    OpenSsh m_openssh;
    app::TransferOptions m_options;
    int m_extraSessions;
    QString m_local;
    QByteArray m_remote;
    sshcore::SshConnection *m_control; // for checks and cleaning up
    QList<Row> m_rows;
};

void printTable(const QList<Row> &rows)
{
    std::printf("\n%-30s %11s %9s %9s %6s  %s\n", "case", "clusterdesk", "sftp", "scp", "ratio",
                "goal (against the "
                "faster of sftp and scp)");
    for (const Row &row : rows) {
        const std::optional<Tool> reference = row.reference();
        QString ratio = u"-"_s;
        QString verdict = u"not measured"_s;
        if (row.time(Clusterdesk) && reference && *row.time(*reference) > 0) {
            const double value = *row.time(Clusterdesk) / *row.time(*reference);
            ratio = QString::number(value, 'f', 2);
            verdict = value <= row.goal ? u"met"_s : u"NOT met"_s;
        }
        std::printf("%-30s %11s %9s %9s %6s  ≤ %.2f  %s\n", qPrintable(row.name), qPrintable(cell(row, Clusterdesk)),
                    qPrintable(cell(row, Sftp)), qPrintable(cell(row, Scp)), qPrintable(ratio), row.goal,
                    qPrintable(verdict));
    }
    const auto perGiB = [](const Row &row, Tool tool) {
        const auto value = row.cpuPerGiB(tool);
        return value ? u"%1 s"_s.arg(*value, 0, 'f', 2) : u"-"_s;
    };
    std::printf("\nthe client's CPU seconds per GiB (median; clusterdesk's process, sftp or scp with its ssh)\n");
    std::printf("%-30s %11s %9s %9s %6s\n", "case", "clusterdesk", "sftp", "scp", "ratio");
    for (const Row &row : rows) {
        const std::optional<Tool> reference = row.reference();
        QString ratio = u"-"_s;
        if (reference && row.cpuPerGiB(Clusterdesk) && row.cpuPerGiB(*reference) > 0)
            ratio = QString::number(*row.cpuPerGiB(Clusterdesk) / *row.cpuPerGiB(*reference), 'f', 2);
        std::printf("%-30s %11s %9s %9s %6s\n", qPrintable(row.name), qPrintable(perGiB(row, Clusterdesk)),
                    qPrintable(perGiB(row, Sftp)), qPrintable(perGiB(row, Scp)), qPrintable(ratio));
    }
    // Where the server shares the client's CPUs, the time cannot fall below (client + server) / CPUs.
    const auto server = [](const Row &row, Tool tool) {
        const auto value = row.serverPerGiB(tool);
        const auto share = row.busyFraction(tool);
        return value && share ? u"%1 s %2%"_s.arg(*value, 0, 'f', 2).arg(100.0 * *share, 3, 'f', 0) : u"-"_s;
    };
    std::printf("\nthe rest of the machine (the server: sshd and its SFTP server) in CPU seconds per GiB, and how "
                "busy all %d CPUs were (median)\n",
                QThread::idealThreadCount());
    std::printf("%-30s %11s %11s %11s\n", "case", "clusterdesk", "sftp", "scp");
    for (const Row &row : rows)
        std::printf("%-30s %11s %11s %11s\n", qPrintable(row.name), qPrintable(server(row, Clusterdesk)),
                    qPrintable(server(row, Sftp)), qPrintable(server(row, Scp)));
}

// known_hosts lines of the login node, under the proxy's address instead of its own.
bool writeProxyKnownHosts(const app::DemoCluster &cluster, quint16 proxyPort, const QString &path)
{
    QFile original(cluster.knownHostsPath);
    QFile copy(path);
    if (!original.open(QIODevice::ReadOnly) || !copy.open(QIODevice::WriteOnly))
        return false;
    const QByteArray login = '[' + cluster.host.toLatin1() + "]:" + QByteArray::number(cluster.loginPort) + ' ';
    const QByteArray proxy = '[' + cluster.host.toLatin1() + "]:" + QByteArray::number(proxyPort) + ' ';
    for (const QByteArray &line : original.readAll().split('\n')) {
        if (line.startsWith(login))
            copy.write(proxy + line.mid(login.size()) + '\n');
    }
    return true;
}

sshcore::SshConnectionSettings aliceAt(const app::DemoCluster &cluster, const Endpoint &at)
{
    sshcore::SshConnectionSettings settings;
    settings.host = cluster.host;
    settings.port = at.port;
    settings.user = u"alice"_s;
    settings.useAgent = false;
    settings.identityFiles = {cluster.user(u"alice")->keyPath};
    settings.knownHostsFiles = {at.knownHosts};
    settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Yes;
    return settings;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"clusterdesk's SFTP transfers against OpenSSH's sftp and scp on the demo cluster."_s);
    parser.addHelpOption();
    const QCommandLineOption bigOption(u"big-mib"_s, u"Size of the single large file (default 1024)."_s, u"MiB"_s,
                                       u"1024"_s);
    const QCommandLineOption filesOption(u"files"_s, u"Files in the tree (default 5000)."_s, u"N"_s, u"5000"_s);
    const QCommandLineOption fileSizeOption(u"file-kib"_s, u"Size of each file of the tree (default 4)."_s, u"KiB"_s,
                                            u"4"_s);
    const QCommandLineOption latencyOption(u"latency-mib"_s,
                                           u"Size of the file sent through the delay proxy (default 256)."_s, u"MiB"_s,
                                           u"256"_s);
    const QCommandLineOption roundsOption(
        u"rounds"_s, u"Runs of the tree and latency cases, the tools taking turns; the median is shown (default 1)."_s,
        u"N"_s, u"1"_s);
    const QCommandLineOption bigRoundsOption(u"big-rounds"_s,
                                             u"Runs of the large file's cases (default 3, as issue 17 asks)."_s, u"N"_s,
                                             u"3"_s);
    const QCommandLineOption
        delayOption(u"delay-ms"_s,
                    u"Delays the proxy adds each way, comma-separated: a case each (default 10,50: +20 and +100 ms)."_s,
                    u"ms"_s, u"10,50"_s);
    const QCommandLineOption casesOption(u"cases"_s,
                                         u"Comma-separated cases to run: big, tree, latency (default all three)."_s,
                                         u"list"_s, u"big,tree,latency"_s);
    app::TransferOptions options; // what users get, but for conflicts: the destinations are fresh
    options.conflict = app::TransferOptions::Conflict::Overwrite;
    options.verify = false;
    const QCommandLineOption parallelOption(u"parallel-files"_s,
                                            u"clusterdesk: files in flight at once (default %1)."_s.arg(
                                                options.parallelFiles),
                                            u"N"_s, QString::number(options.parallelFiles));
    const QCommandLineOption extraOption(
        u"extra-sessions"_s,
        u"clusterdesk: extra SSH sessions a file of 256 MiB or more may use (default %1; 0: one session)."_s.arg(
            app::TransferQueue::defaultExtraSessions()),
        u"N"_s, QString::number(app::TransferQueue::defaultExtraSessions()));
    const QCommandLineOption bufferOption(u"buffer-kib"_s,
                                          u"clusterdesk: bytes in flight per file (default %1)."_s.arg(
                                              options.bufferSize >> 10),
                                          u"KiB"_s, QString::number(options.bufferSize >> 10));
    parser.addOptions({bigOption, filesOption, fileSizeOption, latencyOption, delayOption, roundsOption,
                       bigRoundsOption, parallelOption, extraOption, bufferOption, casesOption});
    parser.process(application);
    const qint64 bigMiB = parser.value(bigOption).toLongLong();
    const int files = parser.value(filesOption).toInt();
    const qint64 fileKiB = parser.value(fileSizeOption).toLongLong();
    const qint64 latencyMiB = parser.value(latencyOption).toLongLong();
    QList<int> delays;
    for (const QString &delay : parser.value(delayOption).split(u',', Qt::SkipEmptyParts))
        delays << std::max(0, delay.toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int bigRounds = std::max(1, parser.value(bigRoundsOption).toInt());
    const int extraSessions = std::max(0, parser.value(extraOption).toInt());
    options.parallelFiles = std::max(1, parser.value(parallelOption).toInt());
    options.bufferSize = std::max<qsizetype>(1, parser.value(bufferOption).toLongLong()) << 10;
    const QStringList cases = parser.value(casesOption).split(u',', Qt::SkipEmptyParts);
    for (const QString &name : cases) {
        if (name != u"big"_s && name != u"tree"_s && name != u"latency"_s) {
            note(u"Unknown case '%1' (known: big, tree, latency)."_s.arg(name));
            return 2;
        }
    }

    QFile loadFile(u"/proc/loadavg"_s);
    const QByteArray load = loadFile.open(QIODevice::ReadOnly) ? loadFile.readAll().split(' ').value(0) : "?";
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    if (!cluster) {
        note(cluster.error().message);
        return 2;
    }
    const app::DemoCluster::User *alice = cluster->user(u"alice");
    if (!alice || alice->keyPath.isEmpty()) {
        note(u"The demo cluster's connection file has no key for alice."_s);
        return 2;
    }
    const auto methods = bench::negotiatedMethods(cluster->host, cluster->loginPort);
    if (!methods) {
        note(methods.error().message);
        return 2;
    }

    // Local files on tmpfs: /dev/shm where it is one.
    const QString shm = u"/dev/shm"_s;
    const QString localBase = onTmpfs(shm) ? shm : QDir::tempPath();
    removeLeftovers(localBase);
    QTemporaryDir local(localBase + u"/clusterdesk-bench-%1-XXXXXX"_s.arg(QCoreApplication::applicationPid()));
    if (!local.isValid()) {
        note(u"Cannot make a folder in %1."_s.arg(localBase));
        return 2;
    }
    const Endpoint direct{cluster->loginPort, cluster->knownHostsPath};
    sshcore::SshConnection connection(aliceAt(*cluster, direct), nullptr);
    QElapsedTimer connectTimer;
    connectTimer.start();
    const bool connected = waitConnected(connection);
    const qint64 connectMs = connectTimer.elapsed();
    if (!connected || !openSftp(connection)) {
        note(u"clusterdesk cannot connect: "_s + connection.stateMessage());
        return 2;
    }
    const QByteArray remote = "/tmp/clusterdesk-bench-"
                              + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    const auto remoteFs = remoteRun(connection, {"stat", "-f", "-c", "%T", "/tmp"});
    if (const auto made = remoteRun(connection, {"mkdir", "-p", remote + "/up-sftp", remote + "/up-scp",
                                                 remote + "/up-clusterdesk", remote + "/src"});
        !made) {
        note(made.error().message);
        return 2;
    }

    note(u"making the files in %1"_s.arg(local.path()));
    QRandomGenerator random(20260101);
    const QString src = local.path() + u"/src"_s;
    bool written = QDir().mkpath(src) && writeRandom(src + u"/big.bin"_s, bigMiB << 20, random)
                   && writeRandom(src + u"/latency.bin"_s, latencyMiB << 20, random);
    for (int i = 0; written && i < files; ++i) {
        const QString folder = src + u"/tree/d%1"_s.arg(i / 100, 3, 10, QLatin1Char('0'));
        written = (i % 100 != 0 || QDir().mkpath(folder))
                  && writeRandom(folder + u"/f%1.dat"_s.arg(i % 100, 3, 10, QLatin1Char('0')), fileKiB << 10, random);
    }
    if (!written) {
        note(u"Cannot write the files to transfer in %1."_s.arg(local.path()));
        (void)remoteRun(connection, {"rm", "-rf", remote});
        return 2;
    }

    const OpenSsh openssh(cluster->host, alice->name, alice->keyPath, *methods,
                          std::chrono::duration_cast<std::chrono::seconds>(Timeout));
    int status = 0;
    TransferBench bench(openssh, options, extraSessions, local.path(), remote, &connection);
    const auto loginDirect = openssh.login(direct);
    if (!loginDirect) {
        note(u"OpenSSH cannot log in: "_s + loginDirect.error().message);
        status = 1;
    } else {
        const QString size = bigMiB == 1024 ? u"1 GiB"_s : u"%1 MiB"_s.arg(bigMiB);
        if (cases.contains(u"big"_s))
            bench.roundTrip(size, u"big.bin"_s, false, 0.70, 0.70, bigRounds, direct, &connection, *loginDirect);
        if (cases.contains(u"tree"_s))
            bench.roundTrip(u"%1 files of %2 KiB"_s.arg(files).arg(fileKiB), u"tree"_s, true, 0.25, 0.20, rounds,
                            direct, &connection, *loginDirect);
    }

    // Through the delay proxy, once per delay: a connection of its own for clusterdesk, every OpenSSH
    // run its own.
    QStringList proxyLogins;
    for (const int delayMs : cases.contains(u"latency"_s) ? delays : QList<int>()) {
        bench::DelayProxy proxy(cluster->host, cluster->loginPort, std::chrono::milliseconds(delayMs));
        const auto proxyPort = proxy.start();
        if (!proxyPort || !loginDirect) {
            note(proxyPort ? u"skipping the latency cases"_s : proxyPort.error().message);
            status = 1;
            continue;
        }
        const Endpoint delayed{*proxyPort, local.path() + u"/known_hosts.proxy"_s};
        if (!writeProxyKnownHosts(*cluster, *proxyPort, delayed.knownHosts))
            note(u"cannot write %1"_s.arg(delayed.knownHosts));
        sshcore::SshConnection slow(aliceAt(*cluster, delayed), nullptr);
        connectTimer.restart();
        const bool slowConnected = waitConnected(slow);
        const qint64 proxyConnectMs = connectTimer.elapsed();
        openSftp(slow);
        const auto login = openssh.login(delayed);
        if (!slowConnected || !login) {
            note(u"cannot connect through the delay proxy: "_s + (login ? slow.stateMessage() : login.error().message));
            status = 1;
        } else {
            proxyLogins << u"+%1 ms: OpenSSH's login %2 s, clusterdesk connected in %3 ms"_s.arg(2 * delayMs)
                               .arg(*login, 0, 'f', 2)
                               .arg(proxyConnectMs);
            bench.roundTrip(u"%1 MiB, +%2 ms RTT"_s.arg(latencyMiB).arg(2 * delayMs), u"latency.bin"_s, false, 0.50,
                            0.50, rounds, delayed, &slow, *login);
        }
        proxy.stop();
    }
    if (const auto removed = remoteRun(connection, {"rm", "-rf", remote}); !removed)
        note(u"could not remove %1 on the cluster: %2"_s.arg(QString::fromUtf8(remote), removed.error().message));

    printTable(bench.rows());
    std::printf("\nserver: %s on %s:%u (the demo cluster's login node), user alice with her key\n",
                qPrintable(methods->serverBanner), qPrintable(cluster->host), unsigned(cluster->loginPort));
    std::printf("algorithms on both sides: kex %s, cipher %s, MAC %s (what libssh2 negotiates; OpenSSH forced to "
                "it with -c, -o MACs=, -o KexAlgorithms=), no compression\n",
                qPrintable(methods->kex), qPrintable(methods->cipher),
                methods->aead() ? "implicit (AEAD cipher)" : qPrintable(methods->mac));
    std::printf("clusterdesk: app::TransferQueue over one open connection (libssh2 %s%s), %d files in flight, "
                "%lld KiB in flight per file, up to %d extra SSH sessions for a file of 256 MiB or more, times and "
                "modes preserved, overwrite, no verification\n",
                qPrintable(sshcore::Libssh2Library::runtimeVersion()),
                sshcore::Libssh2Library::patched() ? ", patched: whole packets per cipher call" : ", unpatched",
                options.parallelFiles, static_cast<long long>(options.bufferSize >> 10), extraSessions);
    std::printf("OpenSSH: %s; sftp -b (put/get, -r for the tree) and scp -q (-r), default buffer and request "
                "settings (scp speaks SFTP by default since OpenSSH 9.0)\n",
                qPrintable(OpenSsh::version()));
    std::printf("OpenSSH times are without its login, measured as an sftp session with nothing to do (median of 3) "
                "and taken off: %.2f s direct; clusterdesk connected once beforehand (%lld ms direct)%s%s\n",
                loginDirect ? *loginDirect : 0.0, static_cast<long long>(connectMs),
                proxyLogins.isEmpty() ? "" : "; through the proxy: ", qPrintable(proxyLogins.join(u"; "_s)));
    std::printf("files on tmpfs: local %s (%s), remote /tmp (%s)\n", qPrintable(localBase),
                onTmpfs(localBase) ? "tmpfs" : "NOT tmpfs", remoteFs ? remoteFs->trimmed().constData() : "unknown");
    std::printf("runs: %d of the large file's cases, %d of the others (the median is shown), in turn sftp, scp, "
                "clusterdesk; each transfer checked (files and bytes at the destination)\n",
                bigRounds, rounds);
    std::printf("machine: %d CPUs, load average %s just before the run (other work skews the figures)\n",
                QThread::idealThreadCount(), load.constData());
    QStringList delayText;
    for (const int delay : delays)
        delayText << u"%1 ms each way (%2 ms round trip)"_s.arg(delay).arg(2 * delay);
    std::printf("delay proxy: %s, userspace, bandwidth not limited; tree: %d files in folders of up to 100\n",
                qPrintable(delayText.join(u", "_s)), files);
    for (const Row &row : bench.rows()) {
        if (!row.time(Sftp) || !row.time(Scp) || !row.time(Clusterdesk))
            status = 1;
    }
    return status;
}
