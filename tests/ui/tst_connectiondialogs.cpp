// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The dialogs a connection asks through, driven with real clicks and keystrokes under the offscreen
// platform: what they show, what they answer, and that cancelling cancels. Screenshots go to
// build/screenshots/.

#include "GuiTestSupport.h"
#include "TestSupport.h"
#include "ui/connection/CredentialsDialog.h"
#include "ui/connection/GuiInteraction.h"
#include "ui/connection/HostKeyChangedDialog.h"
#include "ui/connection/HostKeyDialog.h"
#include "ui/screenshots/Screenshot.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using sshcore::SshInteraction;

namespace {

void screenshot(QWidget *widget, const QString &name)
{
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    QVERIFY_RESULT(ui::saveScreenshot(widget, QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
}

} // namespace

class tst_ConnectionDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostKey_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<SshInteraction::HostKeyDecision>("decision");
        QTest::newRow("remember") << u"trustAlways"_s << SshInteraction::HostKeyDecision::AcceptAndSave;
        QTest::newRow("once") << u"trustOnce"_s << SshInteraction::HostKeyDecision::AcceptOnce;
        QTest::newRow("cancel") << u"cancel"_s << SshInteraction::HostKeyDecision::Reject;
    }

    void hostKey()
    {
        QFETCH(QString, button);
        QFETCH(SshInteraction::HostKeyDecision, decision);
        QWidget window;
        window.resize(700, 500);
        window.show();
        ui::GuiInteraction interaction(&window);
        std::optional<SshInteraction::HostKeyDecision> answer;
        SshInteraction::HostKeyQuestion question{u"login.hawk.example.org"_s, 22, u"ssh-ed25519"_s,
                                                 u"SHA256:iOoHCiKH4IN+oC55Nqy4Ht3zJiec9tL+tZuuhZyA5I4"_s,
                                                 u"/home/me/.ssh/known_hosts"_s};
        interaction.askHostKey(question, [&answer](SshInteraction::HostKeyDecision d) { answer = d; });
        auto *dialog = testsupport::waitForDialog<ui::HostKeyDialog>(&window);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLabel *>(u"fingerprint"_s)->text(), question.fingerprintSha256);
        // Enter must not trust a key.
        QVERIFY(dialog->findChild<QPushButton *>(u"cancel"_s)->isDefault());
        if (decision == SshInteraction::HostKeyDecision::AcceptAndSave)
            screenshot(dialog, u"host-key-dialog.png"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(button), Qt::LeftButton);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(*answer, decision);
    }

    void password()
    {
        QWidget window;
        window.show();
        ui::GuiInteraction interaction(&window);
        std::optional<std::optional<QString>> answer;
        SshInteraction::SecretQuestion question;
        question.user = u"carol"_s;
        question.host = u"hawk.example.org"_s;
        question.previousError = u"The password was not accepted."_s;
        interaction.askSecret(question, [&answer](std::optional<QString> a) { answer = a; });
        auto *dialog = testsupport::waitForDialog<ui::CredentialsDialog>(&window);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLabel *>(u"error"_s)->text(), question.previousError);
        QLineEdit *field = dialog->fields().value(0);
        QCOMPARE(field->echoMode(), QLineEdit::Password);
        QTest::keyClicks(field, u"s3cret'$(pw)"_s);
        screenshot(dialog, u"password-dialog.png"_s);
        QTest::keyClick(field, Qt::Key_Return);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->value_or(QString()), u"s3cret'$(pw)"_s);
    }

    void keyboardInteractiveAndCancel()
    {
        QWidget window;
        window.show();
        ui::GuiInteraction interaction(&window);
        SshInteraction::KeyboardInteractiveQuestion question;
        question.user = u"bob"_s;
        question.host = u"hawk.example.org"_s;
        question.instruction = u"Duo two-factor login for bob"_s;
        question.prompts = {{u"Username: "_s, true}, {u"One-time password (OATH) for `bob': "_s, false}};
        question.banner = u"Welcome to Hawk.\nMaintenance on Tuesday 08:00-12:00."_s;
        std::optional<std::optional<QStringList>> answer;
        interaction.askKeyboardInteractive(question, [&answer](std::optional<QStringList> a) { answer = a; });
        auto *dialog = testsupport::waitForDialog<ui::CredentialsDialog>(&window);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel *>(u"detail"_s)->text().contains(question.instruction));
        QCOMPARE(dialog->findChild<QLabel *>(u"banner"_s)->text(), question.banner);
        QCOMPARE(dialog->fields().size(), 2);
        QCOMPARE(dialog->fields().at(0)->echoMode(), QLineEdit::Normal);
        QCOMPARE(dialog->fields().at(1)->echoMode(), QLineEdit::Password);
        QTest::keyClicks(dialog->fields().at(0), u"bob"_s);
        QTest::keyClicks(dialog->fields().at(1), u"123456"_s);
        screenshot(dialog, u"keyboard-interactive-dialog.png"_s);
        QTest::keyClick(dialog->fields().at(1), Qt::Key_Return);
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(answer->value_or(QStringList()), (QStringList{u"bob"_s, u"123456"_s}));

        // Escape cancels: the connection hears "no answer".
        answer.reset();
        interaction.askKeyboardInteractive(question, [&answer](std::optional<QStringList> a) { answer = a; });
        dialog = testsupport::waitForDialog<ui::CredentialsDialog>(&window);
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->has_value());
    }

    // A changed key: a warning with the facts and the command to remove the old key, and no way to
    // accept the new one.
    void changedHostKey()
    {
        QWidget window;
        window.resize(760, 560);
        window.show();
        ui::GuiInteraction interaction(&window);
        SshInteraction::HostKeyChange change;
        change.key = {u"login.hawk.example.org"_s, 2222, u"ssh-ed25519"_s,
                      u"SHA256:iOoHCiKH4IN+oC55Nqy4Ht3zJiec9tL+tZuuhZyA5I4"_s, u"/home/me/.ssh/known_hosts"_s};
        change.removeCommand = u"ssh-keygen -R '[login.hawk.example.org]:2222' -f /home/me/.ssh/known_hosts"_s;
        interaction.warnHostKeyChanged(change);
        auto *dialog = testsupport::waitForDialog<ui::HostKeyChangedDialog>(&window);
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLabel *>(u"heading"_s)->text().contains(u"changed"_s));
        QCOMPARE(dialog->findChild<QLabel *>(u"fingerprint"_s)->text(), change.key.fingerprintSha256);
        QCOMPARE(dialog->findChild<QLabel *>(u"removeCommand"_s)->text(), change.removeCommand);
        QVERIFY(dialog->findChild<QLabel *>(u"explanation"_s)->text().contains(u"did not log in"_s));
        // Red, whatever the palette.
        const QColor band = dialog->findChild<QWidget *>(u"warningBand"_s)->palette().color(QPalette::Window);
        QVERIFY(band.red() > 150 && band.green() < 80 && band.blue() < 80);
        // Only "copy" and "close": nothing accepts.
        const auto buttons = dialog->findChildren<QPushButton *>();
        QCOMPARE(buttons.size(), 2);
        for (QPushButton *button : buttons)
            QVERIFY2(!button->text().contains(u"ccept"_s) && !button->text().contains(u"rust"_s),
                     qPrintable(button->text()));
        screenshot(dialog, u"host-key-changed-dialog.png"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"copyCommand"_s), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), change.removeCommand);
        QTest::keyClick(dialog, Qt::Key_Return); // the default button closes
        QVERIFY(testsupport::closes(dialog));
    }
};

QTEST_MAIN(tst_ConnectionDialogs)
#include "tst_connectiondialogs.moc"
