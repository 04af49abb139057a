import { Input } from "antd";

interface Props {
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  width?: number;
}

/** Enter or the button searches; clearing searches for everything again. */
export const SearchBox = ({ value, onSearch, placeholder, width = 280 }: Props) => (
  <Input.Search
    key={`q-${value ?? ""}`}
    defaultValue={value}
    placeholder={placeholder}
    allowClear
    enterButton
    onSearch={(q) => onSearch(q.trim())}
    style={{ width }}
    aria-label={placeholder}
  />
);
