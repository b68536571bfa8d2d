// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/profiles/ImportDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ui {

ImportDialog::ImportDialog(const QList<app::Profile> &suggestions, const QList<app::Profile> &existing, QWidget *parent)
    : QDialog(parent)
    , m_suggestions(suggestions)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import from ~/.ssh/config"));
    auto *intro = new QLabel(tr("Each host below becomes a cluster in clusterdesk. Connecting still goes through "
                                "~/.ssh/config, so its settings keep applying."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("hosts"));
    m_list->setAlternatingRowColors(true);
    for (const app::Profile &suggestion : suggestions) {
        QString text = QStringLiteral("%1    %2").arg(suggestion.name, suggestion.address());
        if (!suggestion.jumpHosts.isEmpty())
            text = tr("%1  via %2").arg(text, suggestion.jumpHosts.join(QStringLiteral(", ")));
        const bool added = std::ranges::any_of(existing, [&suggestion](const app::Profile &profile) {
            return profile.host == suggestion.host && profile.port == suggestion.port;
        });
        if (added)
            text = tr("%1  (already added)").arg(text);
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(added ? Qt::Unchecked : Qt::Checked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &ImportDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(560, 420);
    updateButton();
}

QList<app::Profile> ImportDialog::chosen() const
{
    QList<app::Profile> profiles;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            profiles.append(m_suggestions.at(row));
    }
    return profiles;
}

void ImportDialog::updateButton()
{
    const qsizetype count = chosen().size();
    m_import->setEnabled(count > 0);
    m_import->setText(count > 0 ? (count == 1 ? tr("&Import 1 cluster") : tr("&Import %1 clusters").arg(count))
                                : tr("&Import"));
}

} // namespace ui
