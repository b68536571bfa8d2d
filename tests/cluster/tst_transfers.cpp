// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The transfer queue against the demo cluster: trees with hostile names, empty files and links go up
// and come back byte for byte, with times and modes kept and no partial name left behind; conflicts
// (skip, only if newer, keep both, overwrite, resume, ask); a partial upload resumed from its length, a
// dropped connection, sparse files and pause/resume/cancel of a file in flight. Failures and limits are in
// tst_transferfailures.

#include "TransferTestFixture.h"

using namespace transfertests;

class tst_Transfers : public TransferTestFixture
{
    Q_OBJECT

    QByteArray m_droppedSha; // of the 512 MiB file the dropped-connection rows send

private Q_SLOTS:
    void initTestCase()
    {
        connectAndMakeFolder();
        QVERIFY(!QTest::currentTestFailed());
    }
    void cleanupTestCase() { removeFolder(); }

    void treeRoundTrip()
    {
        // A tree: hostile names, an empty file, a larger one, nested folders, a relative link, an
        // executable with its mode, an old modification time.
        const QString up = m_dir.filePath(u"up/project"_s);
        QVERIFY(QDir().mkpath(up + u"/src/deep/deeper"_s));
        QVERIFY(QDir().mkpath(up + u"/empty-folder"_s));
        for (const QString &name : hostileNames)
            QVERIFY(writeFile(up + u"/src/"_s + name, name.toUtf8() + randomBytes(1000)));
        QVERIFY(writeFile(up + u"/empty"_s, {}));
        QVERIFY(writeFile(up + u"/src/deep/deeper/data.bin"_s, randomBytes(6 << 20)));
        QVERIFY(writeFile(up + u"/run.sh"_s, "#!/bin/sh\necho hi\n"));
        QVERIFY(QFile::setPermissions(up + u"/run.sh"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                             | QFile::ReadGroup | QFile::ExeGroup));
        QVERIFY(::symlink("src/deep/deeper/data.bin", QFile::encodeName(up + u"/link-to-data"_s).constData()) == 0);
        {
            QFile old(up + u"/empty"_s);
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::fromSecsSinceEpoch(1'500'000'000, QTimeZone::UTC),
                                    QFileDevice::FileModificationTime));
        }

        TransferQueue queue(m_connection.get());
        // The queue's model, checked as a model all along (rows added, every change, the figures).
        app::TransferQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(&queue);
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(up, m_remote, options));
        QVERIFY(job);
        QCOMPARE(job->state, TransferQueue::JobState::Finished);
        QCOMPARE(model.data(model.index(0, app::TransferQueueModel::ProgressColumn),
                            app::TransferQueueModel::ProgressRole),
                 QVariant(1000));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        const auto progress = queue.progress(job->id);
        QCOMPARE(progress.filesDone, progress.filesTotal);
        QCOMPARE(progress.bytesDone, progress.bytesTotal);
        QVERIFY(progress.bytesTotal > 6u << 20);

        // Times and modes kept; the link is a link; no temporary name left anywhere.
        const auto empty = remoteStat(m_remote + "/project/empty");
        QVERIFY_RESULT(empty);
        QCOMPARE(empty->modified, 1'500'000'000);
        const auto script = remoteStat(m_remote + "/project/run.sh");
        QVERIFY_RESULT(script);
        QCOMPARE(script->permissions & 0777, 0750u);
        // The link is a link again, with the same relative target; its target's data went once, as itself.
        const auto link = remoteStat(m_remote + "/project/link-to-data");
        QVERIFY_RESULT(link);
        QCOMPARE(link->type, SftpEntry::Type::Symlink);
        const auto target = await<QByteArray>(
            [&](QObject *context, auto done) { m_sftp->readLink(m_remote + "/project/link-to-data", context, done); });
        QVERIFY_RESULT(target);
        QCOMPARE(*target, "src/deep/deeper/data.bin"_ba);
        const auto listing = await<QList<SftpEntry>>(
            [&](QObject *context, auto done) { m_sftp->list(m_remote + "/project/src", context, done); });
        QVERIFY_RESULT(listing);
        for (const SftpEntry &entry : *listing)
            QVERIFY2(!entry.name.endsWith(".cdpart"), entry.name.constData());
        QCOMPARE(listing->size(), hostileNames.size() + 1);

        // And back: identical, byte for byte.
        const QString down = m_dir.filePath(u"down"_s);
        QVERIFY(QDir().mkpath(down));
        const auto *back = run(queue, queue.download(m_remote + "/project", down, options));
        QVERIFY(back);
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QCOMPARE(snapshot(down + u"/project"_s), snapshot(up));
        QCOMPARE(QFileInfo(down + u"/project/empty"_s).lastModified(QTimeZone::UTC).toSecsSinceEpoch(), 1'500'000'000);
        QVERIFY(QFileInfo(down + u"/project/run.sh"_s).permissions() & QFile::ExeOwner);
        QVERIFY(!QFileInfo(down + u"/project/run.sh"_s).permissions().testFlag(QFile::ReadOther));
    }

    void conflicts()
    {
        const QString dir = m_dir.filePath(u"conflicts"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString local = dir + u"/notes.txt"_s;
        const QByteArray remote = m_remote + "/notes.txt";
        QVERIFY(writeFile(local, "first version\n"));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        QVERIFY(failures(run(queue, queue.upload(local, m_remote, options))).isEmpty());

        QVERIFY(writeFile(local, "second version, longer\n"));
        options.conflict = TransferOptions::Conflict::Skip;
        auto *job = run(queue, queue.upload(local, m_remote, options));
        QCOMPARE(job->files.first().state, TransferQueue::FileState::Skipped);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        // Only if newer: the local copy is made older than the remote one.
        {
            QFile old(local);
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2), QFileDevice::FileModificationTime));
        }
        options.conflict = TransferOptions::Conflict::OnlyIfNewer;
        job = run(queue, queue.upload(local, m_remote, options));
        QCOMPARE(job->files.first().state, TransferQueue::FileState::Skipped);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        options.conflict = TransferOptions::Conflict::KeepBoth;
        job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().remote, m_remote + "/notes (1).txt");
        QCOMPARE(remoteContents(m_remote + "/notes (1).txt"), "second version, longer\n"_ba);
        QCOMPARE(remoteContents(remote), "first version\n"_ba);

        // Ask: the question carries both sides; the answer (overwrite) is applied.
        options.conflict = TransferOptions::Conflict::Ask;
        QSignalSpy asked(&queue, &TransferQueue::conflict);
        const int id = queue.upload(local, m_remote, options);
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 30000);
        const auto question = asked.first().first().value<TransferQueue::ConflictQuestion>();
        QCOMPARE(question.existingSize, quint64(14));
        QCOMPARE(question.newSize, quint64(23));
        queue.resolveConflict(question.job, question.file, TransferOptions::Conflict::Overwrite);
        job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(remoteContents(remote), "second version, longer\n"_ba);

        // Resume: an existing shorter file is continued, not sent again.
        const QByteArray big = randomBytes(3 << 20);
        QVERIFY(writeFile(local, big));
        QVERIFY(writeFile(dir + u"/half"_s, big.left(1 << 20)));
        QVERIFY_RESULT(await<quint64>(
            [&](QObject *context, auto done) { m_sftp->upload(dir + u"/half"_s, remote, {}, context, done); }));
        options.conflict = TransferOptions::Conflict::Resume;
        job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(2 << 20));
        QCOMPARE(remoteContents(remote), big);
    }

    // A partial upload left under the temporary name (a dropped connection, a killed app) is continued
    // from its length; the final name never held a partial file.
    void partialUploadIsResumed()
    {
        const QString local = m_dir.filePath(u"resume.bin"_s);
        const QByteArray data = randomBytes(5 << 20);
        QVERIFY(writeFile(local, data));
        QVERIFY(writeFile(m_dir.filePath(u"resume-part"_s), data.left(2 << 20)));
        const QByteArray remote = m_remote + "/resume.bin";
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"resume-part"_s), TransferQueue::temporaryRemoteName(remote), {}, context,
                           done);
        }));
        QVERIFY(!remoteStat(remote));
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        options.verify = true;
        const auto *job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(3 << 20));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY(!remoteStat(TransferQueue::temporaryRemoteName(remote)));
    }

    // A partial copy marked as written over several channels (its writes land in any order, so its
    // length may include holes) that an earlier run left is not continued from its length: sent again
    // from zero, and the result is whole.
    void unorderedPartialIsNotResumedFromItsLength()
    {
        const QString local = m_dir.filePath(u"unordered.bin"_s);
        const QByteArray data = randomBytes(3 << 20);
        QVERIFY(writeFile(local, data));
        // What a dropped multi-channel upload leaves: the end written, a hole before it.
        QByteArray holey = data.left(1 << 20) + QByteArray(1 << 20, '\0') + data.mid(2 << 20, 1 << 19);
        QVERIFY(writeFile(m_dir.filePath(u"unordered-part"_s), holey));
        const QByteArray remote = m_remote + "/unordered.bin";
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        sshcore::SftpTransferOptions marked;
        marked.permissions = sshcore::SftpTransferOptions::UnorderedPartialMode;
        QVERIFY_RESULT(await<quint64>([&](QObject *context, auto done) {
            m_sftp->upload(m_dir.filePath(u"unordered-part"_s), partial, marked, context, done);
        }));
        QCOMPARE(remoteStat(partial)->permissions & 07777, sshcore::SftpTransferOptions::UnorderedPartialMode);
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, m_remote, options));
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QCOMPARE(job->files.first().transferred, quint64(data.size()));
        QCOMPARE(remoteContents(remote), data);
        QVERIFY((remoteStat(remote)->permissions & 07777) != sshcore::SftpTransferOptions::UnorderedPartialMode);
    }

    // The login node's sshd serving this connection is killed in the middle of a 512 MiB upload, then
    // of its download: the connection comes back by itself and the file continues from what had
    // arrived; the final name never holds a partial file.
    void droppedConnectionResumes_data()
    {
        QTest::addColumn<bool>("upload");
        QTest::newRow("upload") << true;
        QTest::newRow("download") << false; // of what the upload left
    }

    void droppedConnectionResumes()
    {
        QFETCH(bool, upload);
        const quint64 size = 512ull << 20;
        const QString local = m_dir.filePath(u"dropped.bin"_s);
        if (m_droppedSha.isEmpty()) { // 512 MiB written in pieces; its SHA-256 is the reference
            QCryptographicHash reference(QCryptographicHash::Sha256);
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (quint64 written = 0; written < size; written += 4 << 20) {
                const QByteArray chunk = randomBytes(4 << 20);
                reference.addData(chunk);
                QCOMPARE(file.write(chunk), chunk.size());
            }
            m_droppedSha = reference.result().toHex();
        }
        const QByteArray remote = m_remote + "/dropped.bin";
        const QString down = m_dir.filePath(u"dropped-down"_s);
        QVERIFY(QDir().mkpath(down));
        if (const auto there = remoteStat(remote); !upload && (!there || there->size != size)) {
            // The upload row left no whole copy (it failed): this row does not depend on it, it puts
            // one there itself, with no drop.
            TransferQueue setup(m_connection.get());
            TransferOptions overwrite;
            overwrite.conflict = TransferOptions::Conflict::Overwrite;
            const auto *placed = run(setup, setup.upload(local, m_remote, overwrite), 120000);
            QVERIFY2(placed && placed->state == TransferQueue::JobState::Finished && failures(placed).isEmpty(),
                     placed ? qPrintable(failures(placed)) : "no job");
        }
        // The sshd process serving this connection (its commands' parent), and the session that kills
        // it, ready before the transfer starts.
        const auto serving = testsupport::await<sshcore::CommandResult>([&](QObject *context, auto done) {
            auto *command = m_connection->runShell("echo $PPID", {}, context);
            QObject::connect(command, &sshcore::SshCommand::finished, context,
                             [command, done] { done(command->result()); });
        });
        QVERIFY2(serving && serving->standardOutput.trimmed().toInt() > 1, testsupport::errorText(serving).constData());
        const QByteArray server = serving->standardOutput.trimmed();
        SshConnection killer(testsupport::demoSettings(m_cluster, u"alice"_s), &m_interaction);
        killer.open();
        QTRY_VERIFY_WITH_TIMEOUT(killer.state() == SshConnectionState::Connected, 30000);

        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const int id = upload ? queue.upload(local, m_remote, options) : queue.download(remote, down, options);
        const auto finalExists = [&] {
            return upload ? bool(remoteStat(remote)) : QFileInfo::exists(down + u"/dropped.bin"_s);
        };
        // The rename into place is the transfer's last step on the connection's thread: the final name
        // may hold the whole file a moment before the queue hears of it, but never less.
        const auto partialUnderFinalName = [&] {
            if (upload) {
                const auto there = remoteStat(remote);
                return there && there->size != size;
            }
            const QFileInfo there(down + u"/dropped.bin"_s);
            return there.exists() && quint64(there.size()) != size;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(id)->files.isEmpty() && queue.job(id)->files.first().done >= (16u << 20),
                                 60000);
        // Watched as signals, not by polling the state: a reconnection on loopback can be over between
        // two looks.
        QSignalSpy states(m_connection.get(), &SshConnection::stateChanged);
        std::unique_ptr<sshcore::SshCommand> kill(killer.runShell("kill -KILL " + server));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(states.cbegin(), states.cend(),
                                             [](const QList<QVariant> &change) {
                                                 return change.at(0).value<SshConnectionState>()
                                                        == SshConnectionState::Reconnecting;
                                             }),
                                 30000);
        const quint64 before = queue.job(id)->files.first().done;
        QVERIFY2(before < size, "the kill came after the whole file was sent");
        QVERIFY(!finalExists());
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->state() == SshConnectionState::Connected, 60000);
        // Until the end, nothing under the final name.
        bool partialSeen = false;
        (void)QTest::qWaitFor(
            [&] {
                partialSeen = partialSeen || partialUnderFinalName();
                return partialSeen || queue.job(id)->state == TransferQueue::JobState::Finished;
            },
            60000);
        QVERIFY2(!partialSeen, "a partial file under the final name");
        const auto *job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        const auto &file = job->files.first();
        QVERIFY(file.attempts >= 2);
        QVERIFY2(file.transferred < size, "resumed, not sent again from zero");
        if (upload) {
            std::unique_ptr<sshcore::SshCommand> sum(m_connection->run({"sha256sum", "--", remote}));
            QTRY_VERIFY_WITH_TIMEOUT(sum->isFinished(), 60000);
            QVERIFY_RESULT(sum->result());
            QCOMPARE(sum->result()->standardOutput.left(64), m_droppedSha);
        } else {
            QFile back(down + u"/dropped.bin"_s);
            QVERIFY(back.open(QIODevice::ReadOnly));
            QCryptographicHash sum(QCryptographicHash::Sha256);
            QVERIFY(sum.addData(&back));
            QCOMPARE(sum.result().toHex(), m_droppedSha);
            QVERIFY(QFile::remove(down + u"/dropped.bin"_s));
        }
    }

    // A sparse file past 4 GiB goes up and comes back: every offset right (64-bit all the way), and the
    // holes stay holes on both sides (zeros are not sent up, nor written down).
    void sparseFilePast4GiB()
    {
        const quint64 size = (4ull << 30) + (3 << 20) + 5;
        const QList<std::pair<quint64, QByteArray>> blocks = {
            {0, randomBytes(1 << 20)},
            {2ull << 30, randomBytes(1 << 20)},
            {(4ull << 30) - (512 << 10), randomBytes(1 << 20)}, // across the 4 GiB boundary
            {size - (1 << 20) - 5, randomBytes((1 << 20) + 5)}, // the very end
        };
        const QString up = m_dir.filePath(u"sparse"_s);
        QVERIFY(QDir().mkpath(up));
        const QString local = up + u"/big-sparse.bin"_s;
        {
            QFile file(local);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(qint64(size)));
            for (const auto &[offset, data] : blocks) {
                QVERIFY(file.seek(qint64(offset)));
                QCOMPARE(file.write(data), data.size());
            }
        }
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const auto *job = run(queue, queue.upload(local, m_remote, options), 300000);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));

        const QByteArray remote = m_remote + "/big-sparse.bin";
        const auto stat = remoteStat(remote);
        QVERIFY_RESULT(stat);
        QCOMPARE(stat->size, size);
        // Each block where it belongs, and the file mostly holes there (du counts what is allocated).
        QStringList script;
        for (const auto &[offset, data] : blocks)
            script.append(
                u"dd if=\"$1\" iflag=skip_bytes,count_bytes skip=%1 count=%2 status=none | sha256sum"_s.arg(offset).arg(
                    data.size()));
        script.append(u"du -k -- \"$1\""_s);
        std::unique_ptr<sshcore::SshCommand> check(
            m_connection->run({"sh", "-c", script.join(u"; "_s).toUtf8(), "check", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(check->isFinished(), 60000);
        QVERIFY_RESULT(check->result());
        const QList<QByteArray> lines = check->result()->standardOutput.trimmed().split('\n');
        QCOMPARE(lines.size(), blocks.size() + 1);
        for (qsizetype i = 0; i < blocks.size(); ++i)
            QCOMPARE(lines.at(i).left(64),
                     QCryptographicHash::hash(blocks.at(i).second, QCryptographicHash::Sha256).toHex());
        QVERIFY2(lines.last().split('\t').first().toULongLong() < 64 * 1024, lines.last().constData());

        // And back down (the zeros come over SFTP, which has no holes, but are not written).
        const QString down = m_dir.filePath(u"sparse-down"_s);
        QVERIFY(QDir().mkpath(down));
        // (4 GiB through SFTP: give a sanitizer build its time.)
        const auto *back = run(queue, queue.download(remote, down, options), 300000);
        QVERIFY2(failures(back).isEmpty(), qPrintable(failures(back)));
        QFile copy(down + u"/big-sparse.bin"_s);
        QCOMPARE(quint64(copy.size()), size);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        for (const auto &[offset, data] : blocks) {
            QVERIFY(copy.seek(qint64(offset)));
            QCOMPARE(copy.read(data.size()), data);
        }
        QVERIFY(copy.seek(qint64(3ull << 30))); // a hole reads as zeros
        QCOMPARE(copy.read(4096), QByteArray(4096, '\0'));
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(copy.fileName()).constData(), &info), 0);
        QVERIFY2(quint64(info.st_blocks) * 512 < (64u << 20), "the download filled the holes");
        copy.close();
        QVERIFY(QFile::remove(copy.fileName()));
        QVERIFY(QFile::remove(local));
        QVERIFY_RESULT(await<void>([&](QObject *context, auto done) { m_sftp->remove(remote, false, context, done); }));
    }

    // Pause stops the file in flight (its partial copy stays) and resume continues it; cancel stops it
    // and removes the partial copy, leaving the complete earlier version alone.
    void pauseResumeAndCancelAFileInFlight()
    {
        const QString local = m_dir.filePath(u"paused.bin"_s);
        const QByteArray data = randomBytes(192 << 20);
        QVERIFY(writeFile(local, data));
        const QByteArray remote = m_remote + "/paused.bin";
        const QByteArray partial = TransferQueue::temporaryRemoteName(remote);
        TransferQueue queue(m_connection.get());
        TransferOptions options;
        options.conflict = TransferOptions::Conflict::Overwrite;
        const int id = queue.upload(local, m_remote, options);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(id)->files.isEmpty() && queue.job(id)->files.first().done >= (8u << 20),
                                 60000);
        queue.pause(id);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(id)->files.first().state, TransferQueue::FileState::Queued, 20000);
        QVERIFY(queue.isIdle());
        const auto paused = remoteStat(partial);
        QVERIFY_RESULT(paused);
        QVERIFY2(paused->size < quint64(data.size()), "the pause came after the end");
        QTest::qWait(300);
        QCOMPARE(remoteStat(partial)->size, paused->size); // it really stopped
        QVERIFY(!remoteStat(remote));
        queue.resume(id);
        const auto *job = run(queue, id);
        QVERIFY2(failures(job).isEmpty(), qPrintable(failures(job)));
        QVERIFY2(job->files.first().transferred < quint64(data.size()), "resumed, not sent again from zero");
        QCOMPARE(remoteStat(remote)->size, quint64(data.size()));
        std::unique_ptr<sshcore::SshCommand> sum(m_connection->run({"sha256sum", "--", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(sum->isFinished(), 60000);
        QVERIFY_RESULT(sum->result());
        QCOMPARE(sum->result()->standardOutput.left(64),
                 QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());

        // A new version, cancelled half-way: the complete old one stays, no partial copy is left.
        QVERIFY(writeFile(local, randomBytes(192 << 20)));
        const int again = queue.upload(local, m_remote, options);
        QTRY_VERIFY_WITH_TIMEOUT(!queue.job(again)->files.isEmpty()
                                     && queue.job(again)->files.first().done >= (8u << 20),
                                 60000);
        queue.cancel(again);
        QCOMPARE(queue.job(again)->state, TransferQueue::JobState::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(queue.job(again)->files.first().state, TransferQueue::FileState::Skipped, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!remoteStat(partial), 10000);
        std::unique_ptr<sshcore::SshCommand> old(m_connection->run({"sha256sum", "--", remote}));
        QTRY_VERIFY_WITH_TIMEOUT(old->isFinished(), 60000);
        QVERIFY_RESULT(old->result());
        QCOMPARE(old->result()->standardOutput.left(64),
                 QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    }

    // A file that vanishes between the scan and its turn fails alone, saying so; the others go.
};

QTEST_GUILESS_MAIN(tst_Transfers)
#include "tst_transfers.moc"
