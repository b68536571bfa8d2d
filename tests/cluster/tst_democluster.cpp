// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The demo cluster is a real cluster: every user logs in the way the connection file says (the TOTP
// user with a code from oathtool), the bastion forwards to the login node, Slurm runs CPU and GPU
// jobs and sacct reports them. OpenSSH's client is the oracle; nothing here is clusterdesk's SSH.

#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "app/monitor/NvidiaSmi.h"
#include "app/monitor/NvidiaSmiStream.h"
#include "sshcore/SshServerProbe.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

struct SshResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class tst_DemoCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyLogin();
    void passwordLogin_data();
    void passwordLogin();
    void wrongPasswordIsRefused();
    void keyAloneIsNotEnoughForTotpUser();
    void keyAndTotpLogin();
    void jumpThroughBastion();
    void bastionOnlyForwards();
    void dropbearServesToo();
    void modulesAndJupyter();
    void slurmJob_data();
    void slurmJob();
    void invalidPartitionIsRejected();
    void gpuJobsSeeTheirOwnGpus();
    void probeIdentifiesServers();
    void cliProbe();
    void cliExecLsForwardAndBench();
    void cliJobs();
    void cliProfileTargets();

private:
    // Runs `ssh -F config [options] host command` with the askpass helper answering prompts.
    SshResult ssh(const QString &host, const QStringList &options, const QString &command, const QString &password = {},
                  const QString &totpSecret = {}, const QByteArray &input = {});
    SshResult asAlice(const QString &command, const QByteArray &input = {});
    QStringList keyOptions(const QString &user) const;
    QStringList askedPrompts() const;
    // clusterdesk-cli as alice on the login node: her target and the options that log her in.
    QString aliceTarget() const;
    QStringList aliceCliOptions() const;
    static bool runCli(const QStringList &arguments, QProcess *process);

    app::DemoCluster m_cluster;
    QTemporaryDir m_dir;
    QString m_config;
};

void tst_DemoCluster::initTestCase()
{
    const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
    QVERIFY_RESULT(cluster);
    m_cluster = *cluster;
    QVERIFY(m_dir.isValid());

    // OpenSSH passes -F on to the ProxyJump process, so everything the jump needs is in here.
    m_config = m_dir.filePath(u"ssh_config"_s);
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("Host demo-login\n  HostName %1\n  Port %2\n"
                                "Host demo-bastion\n  HostName %1\n  Port %3\n  User alice\n  IdentityFile %4\n"
                                "Host demo-dropbear\n  HostName %1\n  Port %5\n"
                                "Host *\n  UserKnownHostsFile %6\n  StrictHostKeyChecking yes\n"
                                "  GlobalKnownHostsFile /dev/null\n  IdentitiesOnly yes\n  ConnectTimeout 15\n"
                                "  NumberOfPasswordPrompts 1\n  LogLevel ERROR\n")
                     .arg(m_cluster.host)
                     .arg(m_cluster.loginPort)
                     .arg(m_cluster.bastionPort)
                     .arg(m_cluster.user(u"alice")->keyPath)
                     .arg(m_cluster.dropbearPort)
                     .arg(m_cluster.knownHostsPath)
                     .toUtf8());
    config.close();

    // ssh asks this program for every password and keyboard-interactive prompt (SSH_ASKPASS_REQUIRE=force).
    QFile askpass(m_dir.filePath(u"askpass"_s));
    QVERIFY(askpass.open(QIODevice::WriteOnly));
    askpass.write(R"(#!/bin/sh
printf '%s\n' "$1" >>"$CD_TEST_PROMPTS"
case "$1" in
    *"One-time password"*) exec oathtool --totp "$CD_TEST_TOTP_SECRET" ;;
    *assword*) printf '%s\n' "$CD_TEST_PASSWORD" ;;
    *) exit 1 ;;
esac
)");
    askpass.close();
    QVERIFY(askpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

QStringList tst_DemoCluster::keyOptions(const QString &user) const
{
    return {u"-l"_s, user, u"-i"_s, m_cluster.user(user)->keyPath};
}

QStringList tst_DemoCluster::askedPrompts() const
{
    QFile prompts(m_dir.filePath(u"prompts"_s));
    if (!prompts.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(prompts.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

SshResult tst_DemoCluster::ssh(const QString &host, const QStringList &options, const QString &command,
                               const QString &password, const QString &totpSecret, const QByteArray &input)
{
    QFile::remove(m_dir.filePath(u"prompts"_s));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SSH_ASKPASS"_s, m_dir.filePath(u"askpass"_s));
    environment.insert(u"SSH_ASKPASS_REQUIRE"_s, u"force"_s);
    environment.insert(u"CD_TEST_PROMPTS"_s, m_dir.filePath(u"prompts"_s));
    environment.insert(u"CD_TEST_PASSWORD"_s, password);
    environment.insert(u"CD_TEST_TOTP_SECRET"_s, totpSecret);
    process.setProcessEnvironment(environment);
    QStringList arguments = {u"-F"_s, m_config};
    arguments += options;
    arguments << host << command;
    process.start(u"ssh"_s, arguments);
    SshResult result;
    if (!process.waitForStarted(10000)) {
        result.err = u"cannot start ssh: "_s + process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = u"ssh did not finish within 120 s"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    result.err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return result;
}

QString tst_DemoCluster::aliceTarget() const
{
    return u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort);
}

QStringList tst_DemoCluster::aliceCliOptions() const
{
    return {u"-i"_s, m_cluster.user(u"alice")->keyPath, u"--known-hosts"_s, m_cluster.knownHostsPath, u"--batch"_s};
}

bool tst_DemoCluster::runCli(const QStringList &arguments, QProcess *process)
{
    process->start(QStringLiteral(CLUSTERDESK_CLI), arguments);
    return process->waitForFinished(120000);
}

SshResult tst_DemoCluster::asAlice(const QString &command, const QByteArray &input)
{
    return ssh(u"demo-login"_s, keyOptions(u"alice"_s) << u"-o"_s << u"BatchMode=yes"_s, command, {}, {}, input);
}

void tst_DemoCluster::keyLogin()
{
    const SshResult result = asAlice(u"id -un; hostname"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, u"alice\n"_s + m_cluster.hostname);
}

void tst_DemoCluster::passwordLogin_data()
{
    QTest::addColumn<QString>("user");
    QTest::newRow("alice (key or password)") << u"alice"_s;
    QTest::newRow("carol (password only)") << u"carol"_s;
}

void tst_DemoCluster::passwordLogin()
{
    QFETCH(QString, user);
    const SshResult result = ssh(u"demo-login"_s,
                                 {u"-l"_s, user, u"-o"_s, u"PubkeyAuthentication=no"_s, u"-o"_s,
                                  u"PreferredAuthentications=password"_s},
                                 u"id -un"_s, m_cluster.user(user)->password);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, user);
    QVERIFY2(askedPrompts().join(u'\n').contains(u"assword"_s), qPrintable(askedPrompts().join(u'\n')));
}

void tst_DemoCluster::wrongPasswordIsRefused()
{
    const SshResult result = ssh(u"demo-login"_s,
                                 {u"-l"_s, u"carol"_s, u"-o"_s, u"PubkeyAuthentication=no"_s, u"-o"_s,
                                  u"PreferredAuthentications=password"_s},
                                 u"id -un"_s, u"not-carols-password"_s);
    QCOMPARE(result.exitCode, 255);
    QVERIFY2(result.err.contains(u"Permission denied"_s), qPrintable(result.err));
    QVERIFY(result.out.isEmpty());
}

void tst_DemoCluster::keyAloneIsNotEnoughForTotpUser()
{
    const SshResult result = ssh(u"demo-login"_s, keyOptions(u"bob"_s) << u"-o"_s << u"BatchMode=yes"_s, u"id -un"_s);
    QCOMPARE(result.exitCode, 255);
    QVERIFY2(result.err.contains(u"Permission denied"_s), qPrintable(result.err));
}

void tst_DemoCluster::keyAndTotpLogin()
{
    const app::DemoCluster::User *bob = m_cluster.user(u"bob");
    QVERIFY(!bob->totpSecretHex.isEmpty());
    const SshResult result = ssh(u"demo-login"_s,
                                 keyOptions(u"bob"_s)
                                     << u"-o"_s << u"PreferredAuthentications=publickey,keyboard-interactive"_s,
                                 u"id -un"_s, {}, bob->totpSecretHex);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, u"bob"_s);
    const QString prompts = askedPrompts().join(u'\n');
    QVERIFY2(prompts.contains(u"One-time password"_s), qPrintable(prompts));
}

void tst_DemoCluster::jumpThroughBastion()
{
    const SshResult result = ssh(u"demo-login"_s,
                                 keyOptions(u"alice"_s)
                                     << u"-o"_s << u"BatchMode=yes"_s << u"-J"_s << u"demo-bastion"_s,
                                 u"echo through the bastion as $(id -un)"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, u"through the bastion as alice"_s);
}

void tst_DemoCluster::bastionOnlyForwards()
{
    const SshResult result = ssh(u"demo-bastion"_s, {u"-o"_s, u"BatchMode=yes"_s}, u"id -un"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(u"only forwards to the login node"_s), qPrintable(result.out));
}

void tst_DemoCluster::dropbearServesToo()
{
    QVERIFY(m_cluster.dropbearPort != 0);
    const SshResult result = ssh(u"demo-dropbear"_s, keyOptions(u"alice"_s) << u"-o"_s << u"BatchMode=yes"_s,
                                 u"id -un"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(result.out, u"alice"_s);
}

void tst_DemoCluster::modulesAndJupyter()
{
    const SshResult result = asAlice(
        u"bash -lc 'module load jupyter && module -t list 2>&1 && jupyter server --version'"_s);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    QVERIFY2(result.out.contains(u"python/3.13"_s), qPrintable(result.out));
    QVERIFY2(
        QRegularExpression(u"^2\\.\\d+\\.\\d+$"_s, QRegularExpression::MultilineOption).match(result.out).hasMatch(),
        qPrintable(result.out));
}

void tst_DemoCluster::slurmJob_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("extraDirectives");
    QTest::addColumn<QString>("expectedOutput");
    QTest::newRow("cpu") << u"cpu"_s << QString() << u"gpus=none"_s;
    QTest::newRow("gpu") << u"gpu"_s << u"#SBATCH --gres=gpu:1\n"_s << u"gpus=1"_s;
    QTest::newRow("typed gpu") << u"gpu"_s << u"#SBATCH --gres=gpu:h100:1\n"_s << u"gpus=1"_s;
    QTest::newRow("gpus option") << u"gpu"_s << u"#SBATCH --gpus=h100:1\n"_s << u"gpus=1"_s;
}

void tst_DemoCluster::slurmJob()
{
    QFETCH(QString, partition);
    QFETCH(QString, extraDirectives);
    QFETCH(QString, expectedOutput);
    const QString script = u"#!/bin/bash\n#SBATCH --job-name=cd-test-"_s + partition + u"\n#SBATCH --partition="_s
                           + partition + u"\n#SBATCH --time=00:05:00\n"_s + extraDirectives
                           + u"echo \"job on $(hostname) gpus=${SLURM_GPUS_ON_NODE:-none}\"\n"
                             u"python3 -c 'x = bytearray(32 << 20); sum(range(3000000))'\n"
                             u"sleep 2\n"_s;
    const QString name = u"test-"_s + partition + u".sh"_s;
    const SshResult submitted = asAlice(u"cat > "_s + name + u" && sbatch --parsable "_s + name, script.toUtf8());
    QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
    const QString jobId = submitted.out.section(u';', 0, 0);
    QVERIFY2(QRegularExpression(u"^\\d+$"_s).match(jobId).hasMatch(), qPrintable(submitted.out));

    // Accounting is what a user checks afterwards; wait until it says the job completed.
    QString state;
    for (int attempt = 0; attempt < 90 && state != u"COMPLETED"; ++attempt) {
        const SshResult sacct = asAlice(u"sacct -n -X -P -o State -j "_s + jobId);
        QVERIFY2(sacct.exitCode == 0, qPrintable(sacct.err));
        state = sacct.out;
        if (state == u"FAILED" || state == u"CANCELLED" || state.startsWith(u"NODE_FAIL"))
            break;
        if (state != u"COMPLETED")
            QTest::qWait(1000);
    }
    QCOMPARE(state, u"COMPLETED"_s);

    const SshResult record = asAlice(u"sacct -n -P -o JobID,Partition,Elapsed,TotalCPU,MaxRSS,ExitCode -j "_s + jobId);
    QVERIFY2(record.exitCode == 0, qPrintable(record.err));
    const QStringList lines = record.out.split(u'\n');
    const QStringList job = lines.first().split(u'|');
    QCOMPARE(job.at(0), jobId);
    QCOMPARE(job.at(1), partition);
    QVERIFY2(QRegularExpression(u"^00:00:0[2-9]$|^00:00:[1-9]\\d$"_s).match(job.at(2)).hasMatch(),
             qPrintable(record.out));
    QCOMPARE(job.at(5), u"0:0"_s);
    // The batch step carries the memory high-water mark; the job allocated 32 MiB.
    const QString batch = lines.filter(u".batch|"_s).value(0);
    QVERIFY2(!batch.isEmpty(), qPrintable(record.out));
    const QString maxRss = batch.split(u'|').at(4);
    // sacct prints MaxRSS as "1234K" or, rounded, "4.50M".
    QVERIFY2(QRegularExpression(u"^\\d+(\\.\\d+)?[KMG]$"_s).match(maxRss).hasMatch(), qPrintable(record.out));

    const SshResult output = asAlice(u"cat slurm-"_s + jobId + u".out"_s);
    QVERIFY2(output.exitCode == 0, qPrintable(output.err));
    QCOMPARE(output.out, u"job on "_s + m_cluster.hostname + u' ' + expectedOutput);
}

void tst_DemoCluster::invalidPartitionIsRejected()
{
    const SshResult result = asAlice(u"printf '#!/bin/sh\\ntrue\\n' | sbatch --parsable --partition=nonexistent"_s);
    QVERIFY(result.exitCode != 0);
    QVERIFY2(result.err.contains(u"invalid partition"_s, Qt::CaseInsensitive), qPrintable(result.err));
}

// node01's GPUs are typed (h100) and its nvidia-smi replays recorded captures
// (packaging/cluster/gpu/SOURCES.md). Each GPU job's own sampling step (srun --overlap, as the Monitor
// runs it) sees its own GPU only, two jobs see different ones, a job without GPUs sees none, and
// the replay streams: one flushed line per period until it is stopped.
void tst_DemoCluster::gpuJobsSeeTheirOwnGpus()
{
    const SshResult none = asAlice(u"srun -p cpu -n1 -t 1 nvidia-smi -L"_s);
    QVERIFY2(none.exitCode != 0 && none.out.contains(u"No devices were found"_s), qPrintable(none.out + none.err));

    QStringList jobs;
    const auto cancel = qScopeGuard([&] { asAlice(u"scancel "_s + jobs.join(u' ')); });
    for (const QString &request : {u"--gres=gpu:h100:1"_s, u"--gpus=h100:1"_s}) {
        const SshResult submitted = asAlice(u"sbatch --parsable -p gpu -t 5 "_s + request + u" --wrap 'sleep 120'"_s);
        QVERIFY2(submitted.exitCode == 0, qPrintable(submitted.err));
        jobs.append(submitted.out.section(u';', 0, 0));
    }
    QString states;
    for (int attempt = 0; attempt < 30 && states != u"RUNNING RUNNING"_s; ++attempt) {
        if (attempt > 0)
            QTest::qWait(1000);
        states = asAlice(u"squeue -h -o %T -j "_s + jobs.join(u',')).out.split(u'\n').join(u' ');
    }
    QCOMPARE(states, u"RUNNING RUNNING"_s);
    QCOMPARE(asAlice(u"squeue -h -o %b -j "_s + jobs.first()).out, u"gres/gpu:h100:1"_s);

    QStringList uuids;
    for (const QString &job : std::as_const(jobs)) {
        const SshResult gpus = asAlice(u"srun --overlap --jobid="_s + job
                                       + u" -N1 -n1 bash -c 'echo \"$CUDA_VISIBLE_DEVICES\"; nvidia-smi -L'"_s);
        QVERIFY2(gpus.exitCode == 0, qPrintable(gpus.err));
        const QStringList lines = gpus.out.split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[1].section(u':', 0, 0), u"GPU "_s + lines[0]); // the node's index
        QVERIFY2(lines[1].contains(u"NVIDIA H100 80GB HBM3 (UUID: GPU-"_s), qPrintable(gpus.out));
        uuids.append(lines[1].section(u"UUID: "_s, 1).chopped(1));
    }
    QVERIFY2(uuids[0] != uuids[1], qPrintable(uuids.join(u' ')));

    // The other outputs the parsers read, and nvidia-smi's own answer to a field it does not know.
    const QString step = u"srun --overlap --jobid="_s + jobs[0] + u" -N1 -n1 nvidia-smi "_s;
    const SshResult xml = asAlice(step + u"-q -x"_s);
    const auto fromXml = app::NvidiaSmi::parseXml(xml.out.toUtf8());
    QVERIFY_RESULT(fromXml);
    QCOMPARE(fromXml->size(), 1);
    QCOMPARE(fromXml->first().uuid, uuids[0]);
    const SshResult csv = asAlice(step + u"--query-gpu=uuid,memory.used,memory.total,power.draw --format=csv"_s);
    const auto fromCsv = app::NvidiaSmi::parseCsv(csv.out.toUtf8());
    QVERIFY_RESULT(fromCsv);
    QCOMPARE(fromCsv->readings.size(), 1);
    QCOMPARE(fromCsv->readings.first().memoryTotalBytes, qint64(81559) << 20);
    const SshResult unknown = asAlice(step + u"--query-gpu=index,foo --format=csv"_s);
    QCOMPARE(unknown.out, u"Field \"foo\" is not a valid field to query."_s);
    QVERIFY2(unknown.err.contains(u"exit code 2"_s), qPrintable(unknown.err));

    // The Monitor's sampling command, stopped after 3.5 s: 4 samples of this job's GPU, read as they came.
    const SshResult stream = asAlice(u"timeout 3.5 srun --overlap --jobid="_s + jobs[1] + u" -N1 -n1 "_s
                                     + QString::fromLatin1(app::NvidiaSmi::samplingCommand(1)));
    app::NvidiaSmiStream parser;
    const QList<app::GpuReading> readings = parser.feed(QByteArray(stream.out.toUtf8()).append('\n'));
    QVERIFY2(readings.size() >= 3 && readings.size() <= 5, qPrintable(stream.out + stream.err));
    QCOMPARE(parser.damagedLines(), 0);
    for (const app::GpuReading &reading : readings) {
        QCOMPARE(reading.uuid, uuids[1]);
        QCOMPARE(reading.memoryTotalBytes, qint64(81559) << 20);
        QVERIFY(reading.utilisationPercent.has_value());
    }
    QVERIFY(readings.first().time < readings.last().time);
}

void tst_DemoCluster::probeIdentifiesServers()
{
    struct Case
    {
        quint16 port;
        QString expected;
    };
    quint16 closedPort = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        closedPort = server.serverPort();
    }
    const QList<Case> cases = {{m_cluster.loginPort, u"OpenSSH_"_s},
                               {m_cluster.dropbearPort, u"dropbear"_s},
                               {closedPort, u"connection refused"_s}};
    for (const Case &c : cases) {
        QString answer;
        bool done = false;
        QObject context;
        sshcore::SshServerProbe::probe(m_cluster.host, c.port, 10s, &context,
                                       [&](const sshcore::Result<sshcore::SshServerIdentity> &result) {
                                           answer = result ? result->softwareVersion : result.error().message;
                                           done = true;
                                       });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QVERIFY2(answer.contains(c.expected), qPrintable(answer));
    }
}

void tst_DemoCluster::cliProbe()
{
    QProcess cli;
    cli.start(QStringLiteral(CLUSTERDESK_CLI), {u"probe"_s, u"%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort)});
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY(QString::fromUtf8(cli.readAllStandardOutput()).startsWith(u"OpenSSH_"_s));

    cli.start(QStringLiteral(CLUSTERDESK_CLI), {u"probe"_s, u"127.0.0.1:notaport"_s});
    QVERIFY(cli.waitForFinished(20000));
    QCOMPARE(cli.exitCode(), 2);
}

void tst_DemoCluster::cliExecLsForwardAndBench()
{
    const QString target = aliceTarget();
    const QStringList common = aliceCliOptions();
    const auto cli = &tst_DemoCluster::runCli;

    // exec: arguments arrive as given, and the remote exit status comes back.
    QProcess exec;
    QVERIFY(cli(common + QStringList{u"exec"_s, target, u"printf"_s, u"[%s]"_s, u"a b"_s, u"$(id)"_s, u"-n"_s}, &exec));
    QCOMPARE(exec.exitCode(), 0);
    QCOMPARE(exec.readAllStandardOutput(), QByteArray("[a b][$(id)][-n]"));
    QVERIFY(cli(common + QStringList{u"exec"_s, target, u"sh"_s, u"-c"_s, u"exit 7"_s}, &exec));
    QCOMPARE(exec.exitCode(), 7);
    // Through the bastion, like ssh -J.
    QVERIFY(cli(common
                    + QStringList{u"-J"_s, u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.bastionPort), u"exec"_s,
                                  target, u"id"_s, u"-un"_s},
                &exec));
    QCOMPARE(exec.exitCode(), 0);
    QCOMPARE(exec.readAllStandardOutput(), QByteArray("alice\n"));
    // A host key that is not known, in batch mode: refused, with ssh's exit status and a clear message.
    QVERIFY(cli({u"--batch"_s, u"--known-hosts"_s, u"/dev/null"_s, u"exec"_s, target, u"true"_s}, &exec));
    QCOMPARE(exec.exitCode(), 255);
    QVERIFY(exec.readAllStandardError().contains("was not accepted"));

    // ls over SFTP.
    QProcess ls;
    QVERIFY(cli(common + QStringList{u"ls"_s, target, u".ssh"_s}, &ls));
    QCOMPARE(ls.exitCode(), 0);
    QVERIFY2(ls.readAllStandardOutput().contains(" authorized_keys\n"), "no authorized_keys in the listing");

    // forward: to the login node's own sshd, whose banner comes back through the tunnel.
    QProcess forward;
    forward.start(QStringLiteral(CLUSTERDESK_CLI),
                  common + QStringList{u"forward"_s, target, u"0:localhost:%1"_s.arg(m_cluster.loginPort)});
    QVERIFY(forward.waitForReadyRead(30000));
    const QByteArray announce = forward.readAllStandardOutput();
    const QRegularExpressionMatch port = QRegularExpression(u"127\\.0\\.0\\.1:(\\d+)"_s)
                                             .match(QString::fromUtf8(announce));
    QVERIFY2(port.hasMatch(), announce.constData());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port.captured(1).toUInt()));
    QVERIFY(socket.waitForConnected(5000));
    QVERIFY(socket.waitForReadyRead(10000));
    QVERIFY(socket.readAll().startsWith("SSH-2.0-OpenSSH_"));
    socket.close();
    forward.terminate(); // SIGTERM: a clean stop
    QVERIFY(forward.waitForFinished(10000));
    QCOMPARE(forward.exitStatus(), QProcess::NormalExit);
    QCOMPARE(forward.exitCode(), 0);

    // The benchmark prints its figures (it is a program, not a timed test).
    QProcess bench;
    QVERIFY(
        cli(common + QStringList{u"--count"_s, u"3"_s, u"--command"_s, u"squeue"_s, u"bench-exec"_s, target}, &bench));
    QCOMPARE(bench.exitCode(), 0);
    QVERIFY(bench.readAllStandardOutput().contains("ratio clusterdesk/OpenSSH:"));
}

// submit, queue, history, cancel and translate with the CLI; OpenSSH and Slurm's own commands say
// what happened.
void tst_DemoCluster::cliJobs()
{
    const QString target = aliceTarget();
    const QStringList common = aliceCliOptions();
    const auto cli = &tst_DemoCluster::runCli;
    const QString script = m_dir.filePath(u"cli job.sh"_s);
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n#SBATCH --job-name=cli-job --time=5\n#SBATCH --begin=now+3600\necho hello\n");
    file.close();
    const QString folder = u"cli jobs %1"_s.arg(QCoreApplication::applicationPid());

    QProcess submit;
    QVERIFY(cli(common + QStringList{u"submit"_s, target, script, u"--workdir"_s, folder}, &submit));
    QCOMPARE(submit.exitCode(), 0);
    const QString id = QString::fromUtf8(submit.readAllStandardOutput()).trimmed();
    QVERIFY2(id.toInt() > 0, qPrintable(id));
    // Slurm has it, to run from the folder the script was placed in.
    const SshResult shown = asAlice(u"scontrol show job -o "_s + id);
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains(u"JobName=cli-job"_s) && shown.out.contains(u"WorkDir=/home/alice/"_s + folder),
             qPrintable(shown.out));
    QCOMPARE(asAlice(u"cat '%1/cli job.sh' | head -n 1"_s.arg(folder)).out, u"#!/bin/sh"_s);

    QProcess queue;
    QVERIFY(cli(common + QStringList{u"queue"_s, target}, &queue));
    QCOMPARE(queue.exitCode(), 0);
    const QString listing = QString::fromUtf8(queue.readAllStandardOutput());
    QVERIFY2(QRegularExpression(u"\\n%1 +cli-job +Pending .*BeginTime"_s.arg(id)).match(listing).hasMatch(),
             qPrintable(listing));

    QProcess cancel;
    QVERIFY(cli(common + QStringList{u"cancel"_s, target, id}, &cancel));
    QCOMPARE(cancel.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(asAlice(u"sacct -n -X -o State -j "_s + id).out.startsWith(u"CANCELLED"_s), 30000);
    QProcess history;
    QVERIFY(cli(common + QStringList{u"history"_s, target, id}, &history));
    QCOMPARE(history.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(history.readAllStandardOutput())
                 .contains(QRegularExpression(id + u" +cli-job +Cancelled"_s)),
             "history does not show the cancelled job");

    // A script the cluster cannot run is refused before it is sent, with the line and the reason.
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n#SBATCH -p nosuch --mem=4GB\ntrue\n");
    file.close();
    QVERIFY(cli(common + QStringList{u"submit"_s, target, script}, &submit));
    QCOMPARE(submit.exitCode(), 1);
    const QString refused = QString::fromUtf8(submit.readAllStandardError());
    QVERIFY2(refused.contains(u":2: error: There is no partition \"nosuch\" on this cluster. It has: cpu, gpu."_s),
             qPrintable(refused));
    QVERIFY(refused.contains(u"unit K, M, G or T"_s));

    // translate works without a cluster.
    QProcess translate;
    QVERIFY(cli({u"translate"_s, u"--to"_s, u"lsf"_s, script}, &translate));
    QCOMPARE(translate.exitCode(), 0);
    QVERIFY(translate.readAllStandardOutput().contains("#BSUB -q nosuch\n"));
    asAlice(u"rm -rf '%1'"_s.arg(folder));
}

// A cluster saved in the desktop app is a TARGET by its name, before an ssh alias of that name;
// "ssh://NAME" is the alias. A demo profile follows the running cluster's address.
void tst_DemoCluster::cliProfileTargets()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QVERIFY(QDir(home.path()).mkpath(u".ssh"_s));
    QVERIFY(QDir(home.path()).mkpath(u".config/clusterdesk/clusterdesk"_s));
    // The alias leads nowhere: a port nothing listens on.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 nowhere = closed.serverPort();
    closed.close();
    QFile config(home.filePath(u".ssh/config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(u"Host hpc\n  HostName 127.0.0.1\n  Port %1\n  ConnectTimeout 5\n"_s.arg(nowhere).toUtf8());
    config.close();
    const auto *alice = m_cluster.user(u"alice"_s);
    const auto profile = [&](const QString &name, quint16 port, bool demo) {
        return u"{\"name\": \"%1\", \"host\": \"%2\", \"port\": %3, \"user\": \"alice\", "
               "\"authentication\": \"key-file\", \"key_file\": \"%4\", \"known_hosts_file\": \"%5\", "
               "\"demo\": %6}"_s.arg(name, m_cluster.host)
                   .arg(port)
                   .arg(alice->keyPath, m_cluster.knownHostsPath, demo ? u"true"_s : u"false"_s);
    };
    QFile profiles(home.filePath(u".config/clusterdesk/clusterdesk/profiles.json"_s));
    QVERIFY(profiles.open(QIODevice::WriteOnly));
    profiles.write(u"{\"format\": 1, \"profiles\": [%1, %2]}"_s
                       .arg(profile(u"hpc"_s, m_cluster.loginPort, false), profile(u"old demo"_s, nowhere, true))
                       .toUtf8());
    profiles.close();

    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home.path());
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u".config"_s));
    environment.insert(u"CLUSTERDESK_DEMO_FILE"_s, app::DemoCluster::defaultFilePath());
    environment.remove(u"SSH_AUTH_SOCK"_s);
    cli.setProcessEnvironment(environment);
    const auto run = [&](const QStringList &arguments) {
        cli.start(QStringLiteral(CLUSTERDESK_CLI), QStringList{u"--batch"_s} + arguments);
        return cli.waitForFinished(120000);
    };

    QVERIFY(run({u"profiles"_s}));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(cli.readAllStandardOutput(),
             u"hpc\talice@%1:%2\t-\tdetect\nold demo\talice@%1:%3\t-\tdetect\n"_s.arg(m_cluster.host)
                 .arg(m_cluster.loginPort)
                 .arg(nowhere)
                 .toUtf8());

    // The profile: its host, port, user, key and known_hosts file, not the alias's.
    QVERIFY(run({u"exec"_s, u"hpc"_s, u"id"_s, u"-un"_s}));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QCOMPARE(cli.readAllStandardOutput(), QByteArray("alice\n"));
    // The alias, asked for as such: nobody listens there.
    QVERIFY(run({u"exec"_s, u"ssh://hpc"_s, u"true"_s}));
    QCOMPARE(cli.exitCode(), 255);
    // A saved demo cluster is where the demo cluster runs now, whatever port it was saved with.
    QVERIFY(run({u"ls"_s, u"old demo"_s, u".ssh"_s}));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(cli.readAllStandardOutput().contains(" authorized_keys\n"));
}

QTEST_GUILESS_MAIN(tst_DemoCluster)
#include "tst_democluster.moc"
