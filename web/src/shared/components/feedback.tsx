import { createContext, useContext, type ReactNode } from 'react';
import { message } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

/**
 * Toast messages that follow the ConfigProvider theme. A small stand-in for antd's <App>,
 * which would also pull Modal and notification into the first-load bundle; pages that need a
 * confirm dialog use `Modal.useModal()` in their own (lazy) chunk.
 */
const MessageContext = createContext<MessageInstance | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) throw new Error('useMessage outside FeedbackProvider');
  return api;
}
