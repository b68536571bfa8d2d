// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Cluster profiles on disk: round trip, unique names, clone/rename/delete, damaged and newer files
// reported and left untouched, export/import, suggestions from ~/.ssh/config, and the connection
// settings a profile makes.

#include "TestSupport.h"
#include "app/profiles/ProfileStore.h"
#include "sshcore/config/SshConfig.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Profile;
using app::ProfileStore;

namespace {

Profile hawk()
{
    Profile profile;
    profile.name = u"Hawk"_s;
    profile.host = u"hawklogin.cf.ac.uk"_s;
    profile.port = 2222;
    profile.user = u"c.c1234567"_s;
    profile.authentication = Profile::Authentication::KeyFile;
    profile.keyFile = u"/home/me/.ssh/id_ed25519_hawk"_s;
    profile.jumpHosts = {u"gw.cf.ac.uk"_s};
    profile.scheduler = Profile::Scheduler::Slurm;
    profile.remoteDirectory = u"/scratch/c.c1234567"_s;
    profile.defaultPartition = u"gpu"_s;
    profile.defaultAccount = u"scw1234"_s;
    profile.colour = u"#2b6fd6"_s;
    profile.knownHostsFile = u"/home/me/.ssh/known_hosts_hawk"_s;
    profile.rememberSecrets = true;
    return profile;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class tst_ProfileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultLocationIsTheConfigFolder()
    {
        QVERIFY(ProfileStore::defaultFilePath().endsWith(u"/profiles.json"_s));
        QVERIFY(ProfileStore::defaultFilePath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)));
    }

    // clusterdesk-cli finds the clusters the desktop app saved: the same file as the app's own
    // defaultFilePath(), whatever the asking program is called.
    void desktopAppFileIsTheAppsOwn()
    {
        const QString organisation = QCoreApplication::organizationName();
        const QString application = QCoreApplication::applicationName();
        const auto restore = qScopeGuard([&] {
            QCoreApplication::setOrganizationName(organisation);
            QCoreApplication::setApplicationName(application);
        });
        QVERIFY(ProfileStore::desktopAppFilePath() != ProfileStore::defaultFilePath());
        QCoreApplication::setOrganizationName(u"clusterdesk"_s);
        QCoreApplication::setApplicationName(u"clusterdesk"_s);
        QCOMPARE(ProfileStore::desktopAppFilePath(), ProfileStore::defaultFilePath());
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"profiles.json"_s);
        ProfileStore store(path);
        QVERIFY_RESULT(store.load()); // no file yet: empty, fine
        QVERIFY(store.profiles().isEmpty());
        QSignalSpy changed(&store, &ProfileStore::changed);
        const auto added = store.add(hawk());
        QVERIFY_RESULT(added);
        QVERIFY(!added->id.isNull());
        QCOMPARE(changed.size(), 1);
        Profile minimal;
        minimal.host = u"snellius.surf.nl"_s;
        QVERIFY_RESULT(store.add(minimal));

        ProfileStore reread(path);
        QVERIFY_RESULT(reread.load());
        QCOMPARE(reread.profiles().size(), 2);
        QCOMPARE(reread.profiles().at(0), *added);
        QCOMPARE(reread.profiles().at(1).name, u"snellius.surf.nl"_s);
        QCOMPARE(reread.profiles().at(1).port, 22);
        QCOMPARE(reread.profiles().at(1).scheduler, Profile::Scheduler::Unknown);
        // Human-readable, versioned, private, and nothing else left in the folder.
        const QByteArray text = readFile(path);
        QVERIFY(text.contains("\"format\": 1"));
        QVERIFY(text.contains("\"host\": \"hawklogin.cf.ac.uk\""));
        QCOMPARE(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"profiles.json"_s});
    }

    void namesCloneRenameRemove()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(u"profiles.json"_s));
        QVERIFY_RESULT(store.load());
        const auto first = store.add(hawk());
        const auto second = store.add(hawk());
        QVERIFY_RESULT(second);
        QCOMPARE(second->name, u"Hawk (2)"_s);
        const auto copy = store.clone(first->id);
        QVERIFY_RESULT(copy);
        QCOMPARE(copy->name, u"Hawk (copy)"_s);
        QVERIFY(copy->id != first->id);
        QCOMPARE(copy->host, first->host);
        QVERIFY_RESULT(store.rename(copy->id, u"  Hawk GPU  "_s));
        QCOMPARE(store.profile(copy->id)->name, u"Hawk GPU"_s);
        const auto clash = store.rename(copy->id, u"hawk"_s);
        QVERIFY_RESULT(clash);
        QCOMPARE(store.profile(copy->id)->name, u"hawk (3)"_s);
        QVERIFY(!store.rename(copy->id, u" "_s));
        QVERIFY_RESULT(store.remove(second->id));
        QVERIFY(!store.profile(second->id));
        QVERIFY(!store.remove(second->id));
        QCOMPARE(store.profiles().size(), 2);
        Profile noHost;
        noHost.name = u"nothing"_s;
        QVERIFY(!store.add(noHost));
    }

    void damagedOrNewerFilesAreKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << QByteArray("{\"format\": 1, \"profiles\": [{\"host\": \"a\"") << u"is damaged"_s;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02garbage", 10) << u"is damaged"_s;
        QTest::newRow("newer") << QByteArray("{\"format\": 2, \"profiles\": [], \"groups\": []}")
                               << u"newer clusterdesk"_s;
        QTest::newRow("no host") << QByteArray("{\"format\": 1, \"profiles\": [{\"name\": \"x\"}]}")
                                 << u"has no host"_s;
        QTest::newRow("not ours") << QByteArray("{\"profiles\": []}") << u"no format number"_s;
    }

    void damagedOrNewerFilesAreKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"profiles.json"_s);
        writeFile(path, content);
        ProfileStore store(path);
        const auto loaded = store.load();
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(messagePart), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(u"untouched"_s), qPrintable(loaded.error().message));
        QVERIFY(store.isReadOnly());
        QVERIFY(!store.add(hawk()));
        QVERIFY(!store.importFrom(path));
        QCOMPARE(readFile(path), content); // never overwritten
    }

    void exportAndImport()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(u"profiles.json"_s));
        QVERIFY_RESULT(store.load());
        const auto chosen = store.add(hawk());
        Profile other;
        other.host = u"other.example.org"_s;
        QVERIFY_RESULT(store.add(other));
        const QString exported = dir.filePath(u"shared-with-a-colleague.json"_s);
        QVERIFY_RESULT(store.exportTo(exported, {chosen->id}));

        ProfileStore colleague(dir.filePath(u"colleague.json"_s));
        QVERIFY_RESULT(colleague.load());
        QVERIFY_RESULT(colleague.add(hawk())); // already has a "Hawk"
        const auto imported = colleague.importFrom(exported);
        QVERIFY_RESULT(imported);
        QCOMPARE(*imported, 1);
        QCOMPARE(colleague.profiles().size(), 2);
        QCOMPARE(colleague.profiles().last().name, u"Hawk (2)"_s);
        QVERIFY(colleague.profiles().last().id != chosen->id);
        QCOMPARE(colleague.profiles().last().defaultAccount, u"scw1234"_s);
        QVERIFY(!colleague.importFrom(dir.filePath(u"missing.json"_s)));
    }

    void suggestionsFromSshConfig()
    {
        const auto config = sshcore::SshConfig::load(
            QStringLiteral(CLUSTERDESK_TEST_DATA "/ssh_config/university.conf"));
        QVERIFY_RESULT(config);
        const QList<Profile> suggestions = ProfileStore::suggestionsFromSshConfig(*config);
        QStringList names;
        for (const Profile &profile : suggestions)
            names.append(profile.name);
        QCOMPARE(names, (QStringList{u"hawk"_s, u"snellius"_s, u"m3"_s, u"quoted name"_s}));
        QCOMPARE(suggestions.at(0).user, u"c.c1234567"_s);
        QCOMPARE(suggestions.at(0).keyFile, QDir::homePath() + u"/.ssh/id_ed25519_hawk"_s);
        QCOMPARE(suggestions.at(1).port, 2222);
        QCOMPARE(suggestions.at(2).jumpHosts, (QStringList{u"jump.example.org"_s, u"bastion2:2022"_s}));

        // A suggested profile connects the way ssh would: HostName and ProxyJump from the config.
        const auto settings = suggestions.at(2).connectionSettings(*config);
        QVERIFY_RESULT(settings);
        QCOMPARE(settings->host, u"m3.massive.org.au"_s);
        QCOMPARE(settings->jumpHosts.size(), 2);
        QCOMPARE(settings->jumpHosts.at(0).host, u"jump.example.org"_s);
        QCOMPARE(settings->jumpHosts.at(1).port, 2022);
    }

    void authenticationPreference()
    {
        const sshcore::SshConfig empty;
        Profile profile = hawk();
        profile.jumpHosts.clear();
        auto settings = profile.connectionSettings(empty);
        QVERIFY_RESULT(settings);
        QCOMPARE(settings->host, u"hawklogin.cf.ac.uk"_s);
        QCOMPARE(settings->port, 2222);
        QCOMPARE(settings->user, u"c.c1234567"_s);
        QCOMPARE(settings->identityFiles, QStringList{profile.keyFile});
        QVERIFY(!settings->useAgent);
        QCOMPARE(settings->knownHostsFiles, QStringList{profile.knownHostsFile});
        profile.knownHostsFile.clear(); // then ~/.ssh/known_hosts, as ssh does
        settings = profile.connectionSettings(empty);
        QCOMPARE(settings->knownHostsFiles, QStringList{QDir::homePath() + u"/.ssh/known_hosts"_s});

        profile.authentication = Profile::Authentication::Password;
        settings = profile.connectionSettings(empty);
        QVERIFY(settings->identityFiles.isEmpty());
        QVERIFY(!settings->useAgent);

        profile.authentication = Profile::Authentication::Agent;
        settings = profile.connectionSettings(empty);
        QVERIFY(settings->identityFiles.isEmpty());
        QVERIFY(settings->useAgent);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
