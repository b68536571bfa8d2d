// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "app/profiles/Profile.h"
#include "sshcore/SshInteraction.h"

#include <QHash>
#include <QPointer>
#include <QSet>

namespace app {

class Keyring;

// Stands between one cluster's connection and the person: questions go to the person (the GUI's
// dialogs), except a password or key passphrase the user asked to remember, which comes from the
// system keyring. A remembered secret the server refuses is forgotten and asked for again; a typed
// one goes to the keyring only once the login succeeded. One-time codes are never remembered.
class RememberingInteraction : public sshcore::SshInteraction
{
    Q_OBJECT

public:
    RememberingInteraction(sshcore::SshInteraction *person, Keyring *keyring, QObject *parent = nullptr);

    void setProfile(const Profile &profile) { m_profile = profile; }

    // A new attempt: the keyring is asked again.
    void beginLogin();
    // The login worked: keep what was typed, if the profile says so.
    void loginSucceeded();
    // Removes everything remembered for the profile (when it is deleted, or stops remembering).
    static void forget(Keyring *keyring, const Profile &profile);

    void askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer) override;
    void askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer) override;
    void askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                std::function<void(std::optional<QStringList>)> answer) override;
    void showBanner(const QString &banner) override;
    void warnHostKeyChanged(const HostKeyChange &change) override;
    // A secret from the keyring is Remembered: a login with it (and no second factor) needs nobody.
    AnswerSource lastSecretSource() const override { return m_lastSource; }

Q_SIGNALS:
    // The keyring could not be used; the secret is kept for this session only.
    void keyringProblem(const QString &message);

private:
    QString keyFor(const SecretQuestion &question) const;
    void askPerson(const SecretQuestion &question, const QString &key,
                   std::function<void(std::optional<QString>)> answer);

    QPointer<sshcore::SshInteraction> m_person;
    QPointer<Keyring> m_keyring;
    Profile m_profile;
    QSet<QString> m_keyringAsked;    // in this login
    QSet<QString> m_fromKeyring;     // answers that came from the keyring
    QHash<QString, QString> m_typed; // answers typed in this login, by keyring key
    AnswerSource m_lastSource = AnswerSource::Person;
};

} // namespace app
