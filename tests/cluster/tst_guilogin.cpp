// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The desktop app against the live demo cluster, clicked and typed into like a person would, in a
// private D-Bus session with a real GNOME Keyring (tests/keyring/run-with-keyring):
// - add a profile with the dialog, double-click it, accept the unknown host key, see "connected",
//   the scheduler detected and the latency in the status bar;
// - the TOTP user is asked for the code and connects;
// - a wrong password is reported in the retry dialog, the right one connects and, remembered in the
//   keyring, is not asked again; no file anywhere holds it in clear text;
// - several clusters connected at once;
// - a changed host key shows the red warning and does not connect.

#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/clusters/ClusterListModel.h"
#include "app/connections/ClusterConnection.h"
#include "app/demo/DemoCluster.h"
#include "app/profiles/ProfileStore.h"
#include "app/secrets/Keyring.h"
#include "ui/connection/CredentialsDialog.h"
#include "ui/connection/HostKeyChangedDialog.h"
#include "ui/connection/HostKeyDialog.h"
#include "ui/files/FilesArea.h"
#include "ui/jobs/JobScriptEditor.h"
#include "ui/jobs/JobScriptForm.h"
#include "ui/jobs/JobsArea.h"
#include "ui/mainwindow/AreaTabs.h"
#include "ui/mainwindow/ClusterSidebar.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/profiles/ProfileDialog.h"
#include "ui/screenshots/Screenshot.h"
#include "ui/widgets/EmptyStateWidget.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using app::Profile;
using sshcore::SshConnectionState;

namespace {

void screenshot(QWidget *widget, const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QVERIFY_RESULT(ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What dialogs are open over window, for failure messages.
QString openDialogs(QWidget *window)
{
    QStringList names;
    for (QDialog *dialog : window->findChildren<QDialog *>()) {
        if (dialog->isVisible())
            names.append(QStringLiteral("%1 \"%2\"")
                             .arg(QString::fromLatin1(dialog->metaObject()->className()), dialog->windowTitle()));
    }
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

// The main window over a store of its own, its ssh configuration empty (not the user's).
struct Fixture
{
    Fixture(app::Keyring *keyring, const QString &demoFile)
        : store(dir.filePath(u"profiles.json"_s))
    {
        QFile(dir.filePath(u"ssh_config"_s)).open(QIODevice::WriteOnly);
        window = std::make_unique<ui::MainWindow>(&store, keyring,
                                                  ui::MainWindow::Options{demoFile, dir.filePath(u"ssh_config"_s)});
        window->resize(1280, 800);
        window->show();
        window->refresh();
    }

    template<typename T>
    T *find(const QString &name) const
    {
        return window->findChild<T *>(name);
    }

    QString stateText() const { return find<QLabel>(u"connectionState"_s)->text(); }

    // Adds profile, selects it and clicks Connect; its id.
    QUuid addAndConnect(const Profile &profile)
    {
        const auto added = store.add(profile);
        if (!added)
            return {};
        window->sidebar()->setCurrentId(added->id);
        QTest::mouseClick(find<QPushButton>(u"connectButton"_s), Qt::LeftButton);
        return added->id;
    }

    app::ClusterConnection *connection(const QUuid &id) const { return window->clusters()->existingConnection(id); }

    QTemporaryDir dir;
    app::ProfileStore store;
    std::unique_ptr<ui::MainWindow> window;
};

} // namespace

class tst_GuiLogin : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    app::Keyring m_keyring{u"clusterdesk-test"_s};

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
    }

    void addConnectAcceptHostKey()
    {
        Fixture f(&m_keyring, app::DemoCluster::defaultFilePath());
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        const QString knownHosts = f.dir.filePath(u"known_hosts"_s);

        QTest::mouseClick(f.find<QCommandLinkButton>(u"addCluster"_s), Qt::LeftButton);
        auto *dialog = testsupport::waitForDialog<ui::ProfileDialog>(f.window.get());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Local Slurm"_s);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"host"_s), m_cluster.host);
        dialog->findChild<QSpinBox *>(u"port"_s)->setValue(m_cluster.loginPort);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"user"_s), u"alice"_s);
        auto *method = dialog->findChild<QComboBox *>(u"authentication"_s);
        method->setCurrentIndex(method->findData(int(Profile::Authentication::KeyFile)));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"keyFile"_s), m_cluster.user(u"alice")->keyPath);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"knownHostsFile"_s), knownHosts);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"ok"_s), Qt::LeftButton);
        QCOMPARE(f.store.profiles().size(), 1);
        const QUuid id = f.store.profiles().first().id;

        // Double-click connects.
        QListView *list = f.find<QListView>(u"clusterList"_s);
        QTRY_VERIFY(list->isVisible() && list->visualRect(f.window->clusters()->indexOf(id)).height() > 20);
        const QRect row = list->visualRect(f.window->clusters()->indexOf(id));
        QSignalSpy activated(f.window->sidebar(), &ui::ClusterSidebar::activated);
        // A middle click first: the OK click in the dialog must not pair with this double-click's first press.
        QTest::mouseClick(list->viewport(), Qt::MiddleButton, {}, row.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(activated.size(), 1); // once, whatever the style's click policy
        auto *hostKey = testsupport::waitForDialog<ui::HostKeyDialog>(f.window.get(), 30000);
        QVERIFY2(hostKey, qPrintable(f.stateText() + u" / "_s
                                     + (f.connection(id) ? f.connection(id)->message() : u"no connection"_s)));
        QCOMPARE(hostKey->findChild<QLabel *>(u"fingerprint"_s)->text(), m_cluster.loginHostKeySha256);
        screenshot(hostKey, u"connect-host-key-dialog.png"_s);
        QTest::mouseClick(hostKey->findChild<QPushButton *>(u"trustAlways"_s), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(f.connection(id) && f.connection(id)->state() == SshConnectionState::Connected, 30000);
        QVERIFY2(f.stateText().startsWith(u"Connected"_s), qPrintable(f.stateText()));
        // The scheduler is detected (and kept in the profile), the latency measured.
        auto *status = f.find<QLabel>(u"clusterStatus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"Slurm "_s + m_cluster.schedulerVersion)
                                     && status->text().contains(u" ms"_s),
                                 30000);
        QVERIFY2(status->text().startsWith(u"alice@"_s + m_cluster.host), qPrintable(status->text()));
        QCOMPARE(f.store.profiles().first().scheduler, Profile::Scheduler::Slurm);
        QCOMPARE(f.find<QLabel>(u"connectionStatus"_s)->text(), u"1 cluster connected"_s);
        for (int i = 0; i < f.window->areas()->count(); ++i)
            QVERIFY(f.window->areas()->widget(i)->isEnabled());
        // The Files area itself (not its empty state) shows the cluster's home.
        f.window->areas()->setCurrentIndex(ui::AreaTabs::Files);
        QVERIFY(f.window->filesArea()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(f.window->filesArea()->remoteFolder(), "/home/alice"_ba, 10000);
        QVERIFY(f.find<QPushButton>(u"disconnectButton"_s)->isVisible());
        const QByteArray entry = "[" + m_cluster.host.toUtf8() + "]:" + QByteArray::number(m_cluster.loginPort) + ' ';
        QVERIFY(readFile(knownHosts).startsWith(entry));
        screenshot(f.window.get(), u"connected-window.png"_s); // it paints before it grabs
        // The Jobs area follows the connection: its queue is listed and its editor has the partitions.
        f.window->areas()->setCurrentIndex(ui::AreaTabs::Jobs);
        QVERIFY(f.window->jobsArea()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(f.find<QLabel>(u"queueStatus"_s)->text().startsWith(u"Updated"_s), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(f.window->jobsArea()->editor()->form()->partition()->count(), 2, 30000);
        screenshot(f.window.get(), u"connected-window-jobs.png"_s);
        f.window->areas()->setCurrentIndex(ui::AreaTabs::Files);

        QTest::mouseClick(f.find<QPushButton>(u"disconnectButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(f.connection(id)->state(), SshConnectionState::Disconnected, 10000);
        QCOMPARE(f.find<QLabel>(u"connectionStatus"_s)->text(), u"Not connected"_s);
        QVERIFY(f.find<QPushButton>(u"connectButton"_s)->isVisible());
    }

    void totpUserIsAskedForTheCode()
    {
        Fixture f(&m_keyring, app::DemoCluster::defaultFilePath());
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        Profile bob;
        bob.name = u"Bob's cluster"_s;
        bob.host = m_cluster.host;
        bob.port = m_cluster.loginPort;
        bob.user = u"bob"_s;
        bob.keyFile = m_cluster.user(u"bob")->keyPath;
        bob.knownHostsFile = m_cluster.knownHostsPath;
        const QUuid id = f.addAndConnect(bob);
        QVERIFY(!id.isNull());

        // A mistyped code first: the prompt comes back saying so. Then the real codes: pam_oath takes
        // each code once, and no code of a step before the last one used (other tests log bob in too,
        // some with a code two steps ahead, the most its window takes). So a refused code is followed
        // by the code two steps ahead, each in a new 30-second step (and a failed login by Retry).
        const auto visiblePrompt = [&f]() -> ui::CredentialsDialog * {
            for (auto *dialog : f.window->findChildren<ui::CredentialsDialog *>()) {
                if (dialog->isVisible())
                    return dialog;
            }
            return nullptr;
        };
        const QString secret = m_cluster.user(u"bob")->totpSecretHex;
        const QString wrong = ScriptedInteraction::totp(secret) == u"000000"_s ? u"111111"_s : u"000000"_s;
        qint64 lastStep = 0;
        for (int attempt = 0; attempt < 7; ++attempt) {
            QTRY_VERIFY2_WITH_TIMEOUT(visiblePrompt() || f.connection(id)->state() == SshConnectionState::Connected
                                          || f.connection(id)->state() == SshConnectionState::Failed,
                                      qPrintable(f.stateText()), 30000);
            if (f.connection(id)->state() == SshConnectionState::Connected)
                break;
            if (f.connection(id)->state() == SshConnectionState::Failed) {
                QTest::mouseClick(f.find<QPushButton>(u"retryButton"_s), Qt::LeftButton);
                continue;
            }
            ui::CredentialsDialog *prompt = visiblePrompt();
            QCOMPARE(prompt->fields().size(), 1);
            QCOMPARE(prompt->fields().first()->echoMode(), QLineEdit::Password);
            if (attempt == 1) { // the one after the wrong code
                auto *error = prompt->findChild<QLabel *>(u"error"_s);
                QVERIFY(error);
                QVERIFY2(error->text().contains(u"did not accept"_s), qPrintable(error->text()));
                screenshot(prompt, u"connect-totp-dialog.png"_s);
            }
            const auto step = [] { return QDateTime::currentSecsSinceEpoch() / 30; };
            if (attempt >= 2) {
                QTRY_VERIFY_WITH_TIMEOUT(step() > lastStep, 31000);
            }
            lastStep = step();
            QTest::keyClicks(prompt->fields().first(), attempt == 0   ? wrong
                                                       : attempt == 1 ? ScriptedInteraction::totp(secret)
                                                                      : ScriptedInteraction::totp(secret, 2));
            QTest::keyClick(prompt->fields().first(), Qt::Key_Return);
            QVERIFY(testsupport::closes(prompt, 5000));
        }
        QVERIFY2(f.connection(id)->state() == SshConnectionState::Connected, qPrintable(f.connection(id)->message()));
    }

    void wrongPasswordRetryRememberAndSeveralClusters()
    {
        Fixture f(&m_keyring, app::DemoCluster::defaultFilePath());
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        const QString password = m_cluster.user(u"carol")->password;
        Profile carol;
        carol.name = u"Carol's cluster"_s;
        carol.host = m_cluster.host;
        carol.port = m_cluster.loginPort;
        carol.user = u"carol"_s;
        carol.authentication = Profile::Authentication::Password;
        carol.knownHostsFile = m_cluster.knownHostsPath;
        carol.rememberSecrets = true;
        const QUuid id = f.addAndConnect(carol);
        QVERIFY(!id.isNull());

        auto *first = testsupport::waitForDialog<ui::CredentialsDialog>(f.window.get(), 30000);
        QVERIFY(first);
        // The demo's login node has a banner: it is shown where the password is asked.
        QVERIFY(first->findChild<QWidget *>(u"banner"_s));
        QTest::keyClicks(first->fields().value(0), u"not carol's password"_s);
        QTest::keyClick(first->fields().value(0), Qt::Key_Return);
        QVERIFY(testsupport::closes(first, 5000));
        auto *retry = testsupport::waitForDialog<ui::CredentialsDialog>(f.window.get(), 30000,
                                                                        [](ui::CredentialsDialog *d) {
                                                                            return d->findChild<QLabel *>(u"error"_s)
                                                                                   != nullptr;
                                                                        });
        QVERIFY(retry);
        QVERIFY(retry->findChild<QLabel *>(u"error"_s)->text().contains(u"not accept"_s));
        screenshot(retry, u"connect-password-retry.png"_s);
        QTest::keyClicks(retry->fields().value(0), password);
        QTest::keyClick(retry->fields().value(0), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(f.connection(id)->state() == SshConnectionState::Connected, 30000);

        // Remembered in the keyring once the login worked...
        const auto remembered = [this, key = app::Keyring::passwordKey(id)] {
            QObject context; // a late answer after a timeout is dropped with it
            std::optional<sshcore::Result<std::optional<QString>>> result;
            m_keyring.read(key, &context, [&result](const auto &answer) { result = answer; });
            (void)QTest::qWaitFor([&result] { return result.has_value(); }, 10000);
            return result && *result ? (*result)->value_or(QString()) : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(remembered(), password, 10000);

        // ...so connecting again asks nothing.
        QTest::mouseClick(f.find<QPushButton>(u"disconnectButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(f.connection(id)->state(), SshConnectionState::Disconnected, 10000);
        QTest::mouseClick(f.find<QPushButton>(u"connectButton"_s), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(f.connection(id)->state() == SshConnectionState::Connected
                                      || f.connection(id)->state() == SshConnectionState::Failed,
                                  qPrintable(f.stateText() + u" / "_s + f.connection(id)->message() + u" / dialogs: "_s
                                             + openDialogs(f.window.get())),
                                  30000);
        QVERIFY2(f.connection(id)->state() == SshConnectionState::Connected, qPrintable(f.connection(id)->message()));
        for (auto *dialog : f.window->findChildren<ui::CredentialsDialog *>())
            QVERIFY(!dialog->isVisible());

        // A second cluster at the same time: the demo, from the side bar's "+" menu.
        f.window->findChild<QAction *>(u"tryDemoAction"_s)->trigger();
        QCOMPARE(f.store.profiles().size(), 2);
        const QUuid demo = f.store.profiles().at(1).id;
        QTRY_VERIFY_WITH_TIMEOUT(f.connection(demo) && f.connection(demo)->state() == SshConnectionState::Connected,
                                 30000);
        QCOMPARE(f.connection(id)->state(), SshConnectionState::Connected);
        QCOMPARE(f.find<QLabel>(u"connectionStatus"_s)->text(), u"2 clusters connected"_s);
        QTRY_VERIFY_WITH_TIMEOUT(f.stateText().contains(u"Slurm"_s), 30000);
        screenshot(f.window.get(), u"connected-two-clusters.png"_s);

        // No file holds the password in clear text: not the profiles, not the settings, not the keyring's.
        const QString home = qEnvironmentVariable("CLUSTERDESK_TEST_HOME");
        QVERIFY2(!home.isEmpty(), "run through tests/keyring/run-with-keyring");
        QSettings().sync();
        int files = 0;
        bool sawKeyring = false;
        for (const QString &root : {home, f.dir.path()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                ++files;
                sawKeyring = sawKeyring || path.contains(u"/keyrings/"_s);
                QVERIFY2(!readFile(path).contains(password.toUtf8()), qPrintable(path));
            }
        }
        QVERIFY(sawKeyring);
        QVERIFY(readFile(f.store.filePath()).contains("remember_secrets"));
        QVERIFY(files > 3);
    }

    void changedHostKeyWarnsAndDoesNotConnect()
    {
        Fixture f(&m_keyring, app::DemoCluster::defaultFilePath());
        QVERIFY(QTest::qWaitForWindowExposed(f.window.get()));
        // A known_hosts that remembers another ed25519 key for the login node.
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s,
                     {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, f.dir.filePath(u"other"_s)});
        QVERIFY(keygen.waitForFinished(10000) && keygen.exitCode() == 0);
        const QByteArray otherKey = readFile(f.dir.filePath(u"other.pub"_s)).split(' ').mid(0, 2).join(' ');
        const QString knownHosts = f.dir.filePath(u"known_hosts"_s);
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray line = "[" + m_cluster.host.toUtf8() + "]:" + QByteArray::number(m_cluster.loginPort) + ' '
                                + otherKey + '\n';
        file.write(line);
        file.close();

        Profile profile = app::ClusterListModel::demoProfile(m_cluster);
        profile.name = u"Intercepted?"_s;
        profile.demo = false;
        profile.knownHostsFile = knownHosts;
        const QUuid id = f.addAndConnect(profile);
        QVERIFY(!id.isNull());

        auto *warning = testsupport::waitForDialog<ui::HostKeyChangedDialog>(f.window.get(), 30000);
        QVERIFY(warning);
        QCOMPARE(warning->findChild<QLabel *>(u"fingerprint"_s)->text(), m_cluster.loginHostKeySha256);
        QVERIFY(warning->findChild<QLabel *>(u"removeCommand"_s)->text().contains(knownHosts));
        QTRY_COMPARE_WITH_TIMEOUT(f.connection(id)->state(), SshConnectionState::Failed, 30000);
        // In place too, with a retry that would ask again rather than accept.
        QVERIFY(f.find<QWidget>(u"connectionError"_s)->isVisible());
        QVERIFY(f.find<QLabel>(u"errorText"_s)->text().contains(u"CHANGED"_s));
        QVERIFY(f.find<QPushButton>(u"retryButton"_s)->isVisible());
        screenshot(warning, u"connect-host-key-changed.png"_s);
        QTest::mouseClick(warning->findChild<QPushButton *>(u"close"_s), Qt::LeftButton);
        QVERIFY(testsupport::closes(warning));
        screenshot(f.window.get(), u"main-window-host-key-changed.png"_s);
        // The remembered key was left as it was.
        QVERIFY(readFile(knownHosts).contains(otherKey));
    }
};

QTEST_MAIN(tst_GuiLogin)
#include "tst_guilogin.moc"
