// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The transfer queue's failures and limits against the demo cluster: a file that vanishes, a full
// disk, one failed folder not stopping a tree, the longest legal name both ways with resume, the queue
// destroyed while verifying, a missing source, and the command line's transfers.

#include "TransferTestFixture.h"

using namespace transfertests;

class tst_TransferFailures : public TransferTestFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        connectAndMakeFolder();
        QVERIFY(!QTest::currentTestFailed());
    }
    void cleanupTestCase() { removeFolder(); }

    void fileVanishedLocally()
    {
        const QString up = m_dir.filePath(u"vanishing"_s);
        QVERIFY(QDir().mkpath(up));
        QVERIFY(writeFile(up + u"/stays.txt"_s, "stays"));
        QVERIFY(writeFile(up + u"/goes.txt"_s, "goes"));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        // Removed as soon as the walk (on a worker) has listed it, before the job's files start.
        bool removed = false;
        int id = 0;
        connect(&queue, &TransferQueue::jobChanged, this, [&](int changed) {
            if (changed == id && !removed && queue.job(id)->state != TransferQueue::JobState::Scanning)
                removed = QFile::remove(up + u"/goes.txt"_s);
        });
        id = queue.upload(up, m_remote, options);
        QCOMPARE(queue.job(id)->state, TransferQueue::JobState::Scanning);
        const auto *job = run(queue, id);
        QVERIFY(removed);
        QCOMPARE(job->files.size(), 2);
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        for (const auto &file : job->files) {
            if (file.local.endsWith(u"goes.txt"_s)) {
                QCOMPARE(file.state, TransferQueue::FileState::Failed);
                QVERIFY2(file.error.contains(u"Cannot read the local file"_s) && file.error.contains(u"No such file"_s),
                         qPrintable(file.error));
            } else {
                QCOMPARE(file.state, TransferQueue::FileState::Done);
            }
        }
        QCOMPARE(remoteContents(m_remote + "/vanishing/stays.txt"), "stays"_ba);
        QVERIFY(!remoteStat(m_remote + "/vanishing/goes.txt"));
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(m_remote + "/vanishing/goes.txt")));
    }

    // The remote disk fills up (/srv/small on the demo cluster is a 4 MiB tmpfs): the file fails with
    // that reason, nothing appears under its name, the partial copy gives the space back, and a file
    // that fits still goes.
    void remoteDiskFull()
    {
        const QByteArray small = "/srv/small/tst-" + QByteArray::number(QRandomGenerator::global()->generate());
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(small, context, done); }));
        const QString big = m_dir.filePath(u"too-big.bin"_s);
        QVERIFY(writeFile(big, randomBytes(6 << 20)));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(big, small, options));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        const auto &file = job->files.first();
        QCOMPARE(file.state, TransferQueue::FileState::Failed);
        QVERIFY2(file.error.contains(u"no space left on the remote disk"_s), qPrintable(file.error));
        QVERIFY2(file.error.contains(u"removed to give the space back"_s), qPrintable(file.error));
        QVERIFY(!remoteStat(small + "/too-big.bin"));
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(small + "/too-big.bin")));

        const QString fits = m_dir.filePath(u"fits.bin"_s);
        const QByteArray data = randomBytes(1 << 20);
        QVERIFY(writeFile(fits, data));
        const auto *second = run(queue, queue.upload(fits, small, options));
        QVERIFY2(failures(second).isEmpty(), qPrintable(failures(second)));
        QCOMPARE(remoteContents(small + "/fits.bin"), data);
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->remove(small, true, context, done); }));
    }

    // A folder that cannot be made (a file has its name) fails its files; the rest arrive, and the
    // failures say why.
    void oneFailedFolderDoesNotStopTheTree()
    {
        const QString up = m_dir.filePath(u"partly/tree"_s);
        QVERIFY(QDir().mkpath(up + u"/good"_s));
        QVERIFY(QDir().mkpath(up + u"/blocked"_s));
        QVERIFY(writeFile(up + u"/good/a.txt"_s, "a"));
        QVERIFY(writeFile(up + u"/blocked/b.txt"_s, "b"));
        QVERIFY_RESULT(
            await<void>([&](QObject *context, auto done) { m_sftp->makePath(m_remote + "/tree", context, done); }));
        QVERIFY(writeFile(m_dir.filePath(u"blocker"_s), "I am a file"));
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"blocker"_s), m_remote + "/tree/blocked", {}, context, done);
        }));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(up, m_remote, options));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        const auto progress = queue.progress(job->id);
        QCOMPARE(progress.filesFailed, 1);
        QCOMPARE(progress.filesDone, 1);
        QCOMPARE(remoteContents(m_remote + "/tree/good/a.txt"), "a"_ba);
        QVERIFY2(failures(job).contains(u"blocked"_s), qPrintable(failures(job)));
    }

    // A name as long as the file system allows (255 bytes): its temporary name is shortened, so it
    // goes up and comes back, and a partial copy of it left by an interrupted run is resumed in both
    // directions. OpenSSH's sftp, the reference, copies such a name too.
    void longestNameTransfersAndResumes()
    {
        const QString name = u"longest-"_s + QString(247, u'n');
        QCOMPARE(QFile::encodeName(name).size(), 255);
        const QString dir = m_dir.filePath(u"longest"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString local = dir + u'/' + name;
        const QByteArray data = randomBytes(3 << 20);
        QVERIFY(writeFile(local, data));
        const QByteArray remoteDir = m_remote + "/longest";
        const QByteArray remote = remoteDir + '/' + name.toUtf8();

        // The reference: sftp puts it into a folder of its own.
        const QByteArray oracleDir = m_remote + "/longest-sftp";
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(oracleDir, context, done); }));
        QProcess sftp;
        sftp.setProcessChannelMode(QProcess::MergedChannels);
        sftp.start(u"sftp"_s,
                   {u"-F"_s, u"/dev/null"_s, u"-i"_s, m_cluster.user(u"alice")->keyPath, u"-o"_s,
                    u"IdentitiesOnly=yes"_s, u"-o"_s, u"BatchMode=yes"_s, u"-o"_s,
                    u"UserKnownHostsFile="_s + m_cluster.knownHostsPath, u"-o"_s, u"StrictHostKeyChecking=yes"_s,
                    u"-P"_s, QString::number(m_cluster.loginPort), u"-b"_s, u"-"_s, u"alice@"_s + m_cluster.host});
        sftp.write(u"put \"%1\" \"%2/\"\n"_s.arg(local, QString::fromUtf8(oracleDir)).toUtf8());
        sftp.closeWriteChannel();
        QVERIFY(sftp.waitForFinished(60000));
        QVERIFY2(sftp.exitCode() == 0, sftp.readAll().constData());
        const auto copied = remoteStat(oracleDir + '/' + name.toUtf8());
        QVERIFY_RESULT(copied);
        QCOMPARE(copied->size, quint64(data.size()));

        // Up: a third of it is there under the (shortened) temporary name, from an earlier run.
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        QVERIFY(partial.size() - remoteDir.size() - 1 <= 255);
        QVERIFY(writeFile(dir + u"/third"_s, data.left(1 << 20)));
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->makePath(remoteDir, context, done); }));
        QVERIFY_RESULT(await<quint64>(
            [&](QObject *context, auto done) { m_sftp->upload(dir + u"/third"_s, partial, {}, context, done); }));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, remoteDir, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(2 << 20));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY(!remoteStat(partial));

        // Down: the same, with the local temporary name.
        const QString down = m_dir.filePath(u"longest-down"_s);
        QVERIFY(QDir().mkpath(down));
        const QString localPartial = TransferQueue::temporaryLocalName(down + u'/' + name);
        QVERIFY(QFile::encodeName(QFileInfo(localPartial).fileName()).size() <= 255);
        QVERIFY(writeFile(localPartial, data.left(1 << 20)));
        const auto *back = run(queue, queue.download(remote, down, options));
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QCOMPARE(back->files.first().transferred, quint64(2 << 20));
        QCOMPARE(readFile(down + u'/' + name), data);
        QVERIFY(!QFileInfo::exists(localPartial));
    }

    // The queue goes while a file's SHA-256 is being computed on both ends: nothing crashes, the
    // local hash stops at once (the destruction does not wait for it), the late answers go to
    // nobody, and the unchecked copy is not put in place.
    void destroyedWhileVerifying()
    {
        const QString local = m_dir.filePath(u"verified.bin"_s);
        const quint64 size = 256ull << 20;
        {
            const QByteArray chunk = randomBytes(4 << 20);
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (quint64 written = 0; written < size; written += chunk.size())
                QCOMPARE(file.write(chunk), chunk.size());
        }
        const QByteArray remote = m_remote + "/verified.bin";
        auto queue = std::make_unique<TransferQueue>(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        options.verify = true;
        const int id = queue->upload(local, m_remote, options);
        // All of it sent, not yet placed: the hashes are running.
        QTRY_VERIFY_WITH_TIMEOUT(!queue->job(id)->files.isEmpty() && queue->job(id)->files.first().done == size,
                                 120000);
        QCOMPARE(queue->job(id)->files.first().state, TransferQueue::FileState::Running);
        QElapsedTimer took;
        took.start();
        queue.reset();
        QVERIFY2(took.elapsed() < 1000, qPrintable(u"%1 ms"_s.arg(took.elapsed())));
        // Long enough for the cluster's sha256sum of 256 MiB to answer, to nobody.
        QTest::qWait(3000);
        QVERIFY(!remoteStat(remote));
        QVERIFY(QFile::remove(local));
        (void)await<void>([&](QObject *context, auto done) {
            m_sftp->remove(TransferQueue::temporaryRemoteName(remote), false, context, done);
        });
    }

    // The command line: a tree up and back, a non-zero status when the source is missing.
    void commandLine()
    {
        const QString up = m_dir.filePath(u"cli/cli-tree"_s);
        QVERIFY(QDir().mkpath(up + u"/sub"_s));
        QVERIFY(writeFile(up + u"/sub/it's $(x)"_s, randomBytes(200000)));
        QVERIFY(writeFile(up + u"/empty"_s, {}));
        const auto cli = [this](const QStringList &arguments) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(QStringLiteral(CLUSTERDESK_CLI),
                          QStringList{u"-i"_s, m_cluster.user(u"alice")->keyPath, u"--known-hosts"_s,
                                      m_cluster.knownHostsPath, u"--batch"_s}
                              + arguments);
            process.waitForFinished(120000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAll())};
        };
        const QString target = u"alice@%1:%2"_s.arg(m_cluster.host).arg(m_cluster.loginPort);
        auto [status, output] = cli({u"upload"_s, target, up, QString::fromUtf8(m_remote)});
        QVERIFY2(status == 0, qPrintable(output));
        QVERIFY2(output.contains(u"2 of 2 files"_s), qPrintable(output));
        const QString down = m_dir.filePath(u"cli-down"_s);
        QVERIFY(QDir().mkpath(down));
        std::tie(status, output) = cli({u"download"_s, target, QString::fromUtf8(m_remote + "/cli-tree"), down});
        QVERIFY2(status == 0, qPrintable(output));
        QCOMPARE(snapshot(down + u"/cli-tree"_s), snapshot(up));
        std::tie(status,
                 output) = cli({u"upload"_s, target, m_dir.filePath(u"nothing-here"_s), QString::fromUtf8(m_remote)});
        QCOMPARE(status, 1);
        QVERIFY2(output.contains(u"does not exist"_s), qPrintable(output));
    }

    void missingSourceIsReported()
    {
        TransferQueue queue(m_connection.get());
        const auto *job = run(queue, queue.upload(m_dir.filePath(u"not-there"_s), m_remote));
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        QVERIFY2(job->error.contains(u"does not exist"_s), qPrintable(job->error));
        const auto *down = run(queue, queue.download(m_remote + "/not-there", m_dir.path()));
        QVERIFY2(down->error.contains(u"no such file"_s), qPrintable(down->error));
    }
};

QTEST_GUILESS_MAIN(tst_TransferFailures)
#include "tst_transferfailures.moc"
