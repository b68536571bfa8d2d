// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/connection/GuiInteraction.h"

#include "ui/connection/CredentialsDialog.h"
#include "ui/connection/HostKeyChangedDialog.h"
#include "ui/connection/HostKeyDialog.h"

namespace ui {

GuiInteraction::GuiInteraction(QWidget *window, QObject *parent)
    : SshInteraction(parent)
    , m_window(window)
{}

namespace {
// Opens dialog over its window; calls done(accepted) once when it closes, then deletes it.
template<typename Dialog, typename Done>
void openDialog(Dialog *dialog, Done done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    QObject::connect(dialog, &QDialog::finished, dialog,
                     [dialog, done](int result) { done(dialog, result == QDialog::Accepted); });
    dialog->open();
}
} // namespace

void GuiInteraction::askHostKey(const HostKeyQuestion &question, std::function<void(HostKeyDecision)> answer)
{
    openDialog(new HostKeyDialog(question, m_window), [answer](HostKeyDialog *dialog, bool accepted) {
        answer(accepted ? dialog->decision() : HostKeyDecision::Reject);
    });
}

void GuiInteraction::askSecret(const SecretQuestion &question, std::function<void(std::optional<QString>)> answer)
{
    openDialog(new CredentialsDialog(question, m_window), [answer](CredentialsDialog *dialog, bool accepted) {
        answer(accepted ? std::optional<QString>(dialog->answers().value(0)) : std::nullopt);
    });
}

void GuiInteraction::askKeyboardInteractive(const KeyboardInteractiveQuestion &question,
                                            std::function<void(std::optional<QStringList>)> answer)
{
    openDialog(new CredentialsDialog(question, m_window), [answer](CredentialsDialog *dialog, bool accepted) {
        answer(accepted ? std::optional<QStringList>(dialog->answers()) : std::nullopt);
    });
}

void GuiInteraction::warnHostKeyChanged(const HostKeyChange &change)
{
    openDialog(new HostKeyChangedDialog(change, m_window), [](HostKeyChangedDialog *, bool) {});
}

} // namespace ui
