// Logging in to the demo cluster through the desktop app's dialogs, clicked and typed into like a
// person would: an unknown host key is shown and remembered, a wrong password is reported in the
// retry dialog, the right one connects.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "app/demo/DemoCluster.h"
#include "sshcore/SshConnection.h"
#include "ui/connection/CredentialsDialog.h"
#include "ui/connection/GuiInteraction.h"
#include "ui/connection/HostKeyDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sshcore::SshConnectionState;


class tst_GuiLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostKeyThenWrongThenRightPassword()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        QTemporaryDir dir;
        sshcore::SshConnectionSettings settings;
        settings.host = cluster->host;
        settings.port = cluster->loginPort;
        settings.user = u"carol"_s;
        settings.useAgent = false;
        settings.knownHostsFiles = {dir.filePath(u"known_hosts"_s)};
        settings.strictHostKeyChecking = sshcore::StrictHostKeyChecking::Ask;

        QWidget window;
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::GuiInteraction interaction(&window);
        sshcore::SshConnection connection(settings, &interaction);
        connection.open();

        auto *hostKey = testsupport::waitForDialog<ui::HostKeyDialog>(&window, 30000);
        QVERIFY(hostKey);
        QCOMPARE(hostKey->findChild<QLabel *>(u"fingerprint"_s)->text(), cluster->loginHostKeySha256);
        QTest::mouseClick(hostKey->findChild<QPushButton *>(u"trustAlways"_s), Qt::LeftButton);

        auto *password = testsupport::waitForDialog<ui::CredentialsDialog>(&window, 30000);
        QVERIFY(password);
        QTest::keyClicks(password->fields().value(0), u"not carol's password"_s);
        QTest::keyClick(password->fields().value(0), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!password || !password->isVisible(), 5000);

        // The retry says why, and the right password logs in.
        auto *retry = testsupport::waitForDialog<ui::CredentialsDialog>(
            &window, 30000, [](ui::CredentialsDialog *dialog) { return dialog->findChild<QLabel *>(u"error"_s) != nullptr; });
        QVERIFY(retry);
        QVERIFY(retry->findChild<QLabel *>(u"error"_s)->text().contains(u"not accept"_s));
        QTest::keyClicks(retry->fields().value(0), cluster->user(u"carol")->password);
        QTest::keyClick(retry->fields().value(0), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(connection.state() == SshConnectionState::Connected
                                     || connection.state() == SshConnectionState::Failed,
                                 30000);
        QVERIFY2(connection.state() == SshConnectionState::Connected, qPrintable(connection.stateMessage()));

        QFile knownHosts(settings.knownHostsFiles.first());
        QVERIFY(knownHosts.open(QIODevice::ReadOnly));
        const QByteArray entry = "[127.0.0.1]:" + QByteArray::number(cluster->loginPort) + ' ';
        QVERIFY(knownHosts.readAll().startsWith(entry));
    }
};

QTEST_MAIN(tst_GuiLogin)
#include "tst_guilogin.moc"
