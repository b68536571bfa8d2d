// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/widgets/PresetBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>

namespace ui {

PresetBar::PresetBar(QString question, QWidget *parent)
    : QWidget(parent)
    , m_question(std::move(question))
    , m_picker(new QComboBox(this))
    , m_save(new QPushButton(tr("Sa&ve as…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
{
    m_picker->setObjectName(QStringLiteral("presets"));
    m_picker->setToolTip(tr("Settings you saved for this cluster"));
    m_save->setObjectName(QStringLiteral("savePreset"));
    m_delete->setObjectName(QStringLiteral("deletePreset"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Preset:"), this));
    row->addWidget(m_picker, 1);
    row->addWidget(m_save);
    row->addWidget(m_delete);
    connect(m_picker, &QComboBox::activated, this, [this](int index) {
        const QString name = m_picker->itemData(index).toString();
        m_delete->setEnabled(!name.isEmpty());
        if (!name.isEmpty())
            Q_EMIT chosen(name);
    });
    connect(m_save, &QPushButton::clicked, this, &PresetBar::saveAs);
    connect(m_delete, &QPushButton::clicked, this, &PresetBar::removeCurrent);
    reload();
}

void PresetBar::setStore(Store store)
{
    m_store = std::move(store);
    reload();
}

void PresetBar::reload(const QString &select)
{
    m_picker->clear();
    m_picker->addItem(tr("(not saved)"), QString());
    const QStringList names = m_store.names ? m_store.names() : QStringList();
    for (const QString &name : names)
        m_picker->addItem(name, name);
    m_picker->setCurrentIndex(std::max(0, m_picker->findData(select)));
    m_picker->setEnabled(m_picker->count() > 1);
    m_delete->setEnabled(m_picker->currentIndex() > 0);
    m_save->setEnabled(bool(m_store.save));
}

void PresetBar::saveAs()
{
    auto *ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("presetName"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Save these settings"));
    ask->setLabelText(m_question);
    ask->setTextValue(m_picker->currentIndex() > 0 ? m_picker->currentText() : QString());
    connect(ask, &QInputDialog::textValueSelected, this, [this](const QString &typed) {
        const QString name = typed.trimmed();
        if (name.isEmpty() || !m_store.save) // the cluster went while the question was up
            return;
        if (const auto saved = m_store.save(name); !saved) {
            Q_EMIT message(tr("The preset was not saved: %1").arg(saved.error().message));
            return;
        }
        reload(name);
        Q_EMIT message(tr("Saved the preset \"%1\".").arg(name));
    });
    ask->open();
}

void PresetBar::removeCurrent()
{
    const QString name = m_picker->currentData().toString();
    if (name.isEmpty() || !m_store.remove)
        return;
    if (const auto removed = m_store.remove(name); !removed) {
        Q_EMIT message(tr("The preset was not deleted: %1").arg(removed.error().message));
        return;
    }
    reload();
    Q_EMIT message(tr("Deleted the preset \"%1\"; the form keeps its settings.").arg(name));
}

} // namespace ui
